//! The stylesheet, the WASM preloads and the hydration script in every
//! page's head. Leptos' `HydrationScripts` and `HashedStylesheet` read
//! cargo-leptos' `hash.txt` from disk on every render (profiled at about
//! 4 % of a signed-in page); these read it once per process and write the
//! same tags.
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use leptos::prelude::*;
use leptos::WasmSplitManifest;

/// What every page's head names, read once.
struct Assets {
    css: String,
    js: String,
    wasm: String,
    /// The lazy routes' chunks (`cargo leptos build --split`), for their
    /// preloads; none without a manifest.
    split: Option<WasmSplitManifest>,
}

/// `name: hash` lines of cargo-leptos' hash file (beside the binary).
fn hashes(options: &LeptosOptions) -> HashMap<String, String> {
    if !options.hash_files {
        return HashMap::new();
    }
    let path = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|p| p.to_path_buf()))
        .unwrap_or_default()
        .join(options.hash_file.as_ref());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        leptos::logging::error!(
            "file hashing is on but {} is unreadable: {e}",
            path.display()
        );
        String::new()
    });
    text.lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

fn assets(options: &LeptosOptions) -> &'static Assets {
    static ASSETS: OnceLock<Assets> = OnceLock::new();
    ASSETS.get_or_init(|| {
        let hashes = hashes(options);
        let named = |kind: &str, ext: &str| match hashes.get(kind) {
            Some(hash) => format!("{}.{hash}{ext}", options.output_name),
            None if kind == "wasm" && !options.hash_files => {
                format!("{}_bg{ext}", options.output_name)
            }
            None => format!("{}{ext}", options.output_name),
        };
        let pkg = options.site_pkg_dir.to_string();
        let (split_js, manifest) = match (hashes.get("split"), hashes.get("manifest")) {
            (Some(split), Some(manifest)) => (
                format!("__wasm_split.{split}.js"),
                format!("__wasm_split_manifest.{manifest}.json"),
            ),
            _ => (
                "__wasm_split.______________________.js".to_owned(),
                "__wasm_split_manifest.json".to_owned(),
            ),
        };
        let manifest_path = PathBuf::from(options.site_root.to_string())
            .join(&pkg)
            .join(manifest);
        let split = std::fs::read_to_string(manifest_path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .map(|chunks| {
                WasmSplitManifest(ArcStoredValue::new((format!("/{pkg}"), chunks, split_js)))
            });
        Assets {
            css: format!("/{pkg}/{}", named("css", ".css")),
            js: named("js", ""),
            wasm: named("wasm", ""),
            split,
        }
    })
}

/// Leptos' loader, as its `HydrationScripts` writes it (not deferred).
const HYDRATE: &str = r#"(function (root, pkg_path, output_name, wasm_output_name, defer) {
	const hydrate = () =>
		import(`${root}/${pkg_path}/${output_name}.js`)
			.then(mod => {
				mod.default({module_or_path: `${root}/${pkg_path}/${wasm_output_name}.wasm`}).then(() => {
					mod.hydrate();
				});
			});
	if (defer && "requestIdleCallback" in window) {
		// `timeout` is a backstop: a never-idle page would otherwise stay dead
		window.requestIdleCallback(hydrate, { timeout: 2000 });
	} else {
		hydrate();
	}
})
"#;

/// The head's stylesheet, preloads and hydration script.
#[component]
pub fn HeadAssets(options: LeptosOptions) -> impl IntoView {
    let assets = assets(&options);
    if let Some(split) = &assets.split {
        provide_context(split.clone());
    }
    let pkg = options.site_pkg_dir.to_string();
    let nonce = use_nonce();
    let script = format!(
        "{HYDRATE}(\"\", {pkg:?}, {js:?}, {wasm:?}, false);",
        js = assets.js,
        wasm = assets.wasm
    );
    view! {
        <link
            rel="modulepreload"
            href=format!("/{pkg}/{}.js", assets.js)
            crossorigin=nonce.clone()
        />
        <link
            rel="preload"
            href=format!("/{pkg}/{}.wasm", assets.wasm)
            r#as="fetch"
            r#type="application/wasm"
            crossorigin=nonce.as_ref().map(|n| n.to_string()).unwrap_or_default()
        />
        <script type="module" nonce=nonce>
            {script}
        </script>
        <link id="leptos" rel="stylesheet" href=assets.css.clone() />
    }
}
