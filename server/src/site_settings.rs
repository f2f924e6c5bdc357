//! Leptos site settings come from `Leptos.toml` (the one file people edit);
//! `LEPTOS_*` environment variables override it, which is how cargo-leptos
//! passes them when it runs the binary.
use std::net::SocketAddr;
use std::path::Path;

use leptos::config::{Env, LeptosOptions};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct LeptosToml {
    name: Option<String>,
    site_root: Option<String>,
    site_pkg_dir: Option<String>,
    site_addr: Option<SocketAddr>,
    reload_port: Option<u32>,
    hash_files: Option<bool>,
}

#[derive(Debug, thiserror::Error)]
pub enum SiteSettingsError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not valid: {source}")]
    Parse {
        path: String,
        source: toml::de::Error,
    },
    #[error("environment variable {name} has an invalid value {value:?}")]
    Env { name: &'static str, value: String },
}

/// Reads `path` if it exists (defaults otherwise) and applies `LEPTOS_*`
/// overrides from `env`.
pub fn load(
    path: &Path,
    env: impl Fn(&str) -> Option<String>,
) -> Result<LeptosOptions, SiteSettingsError> {
    let file: LeptosToml = if path.exists() {
        let text = std::fs::read_to_string(path).map_err(|source| SiteSettingsError::Read {
            path: path.display().to_string(),
            source,
        })?;
        toml::from_str(&text).map_err(|source| SiteSettingsError::Parse {
            path: path.display().to_string(),
            source,
        })?
    } else {
        toml::from_str("").map_err(|source| SiteSettingsError::Parse {
            path: path.display().to_string(),
            source,
        })?
    };

    let parsed =
        |name: &'static str| -> Result<Option<String>, SiteSettingsError> { Ok(env(name)) };
    let bad = |name: &'static str, value: String| SiteSettingsError::Env { name, value };

    let output_name = parsed("LEPTOS_OUTPUT_NAME")?
        .or(file.name)
        .unwrap_or_else(|| "mercato".into());
    let site_root = parsed("LEPTOS_SITE_ROOT")?
        .or(file.site_root)
        .unwrap_or_else(|| "target/site".into());
    let site_pkg_dir = parsed("LEPTOS_SITE_PKG_DIR")?
        .or(file.site_pkg_dir)
        .unwrap_or_else(|| "pkg".into());
    let site_addr = match parsed("LEPTOS_SITE_ADDR")? {
        Some(v) => v.parse().map_err(|_| bad("LEPTOS_SITE_ADDR", v))?,
        None => file
            .site_addr
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 3000))),
    };
    let reload_port = match parsed("LEPTOS_RELOAD_PORT")? {
        Some(v) => v.parse().map_err(|_| bad("LEPTOS_RELOAD_PORT", v))?,
        None => file.reload_port.unwrap_or(3001),
    };
    let hash_files = match parsed("LEPTOS_HASH_FILES")? {
        Some(v) => v.parse().map_err(|_| bad("LEPTOS_HASH_FILES", v))?,
        None => file.hash_files.unwrap_or(false),
    };
    let env_mode = match parsed("LEPTOS_ENV")?
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("dev") | Some("development") => Env::DEV,
        _ => Env::PROD,
    };
    let mut options = LeptosOptions::builder()
        .output_name(output_name)
        .site_root(site_root)
        .site_pkg_dir(site_pkg_dir)
        .site_addr(site_addr)
        .reload_port(reload_port)
        .env(env_mode)
        .hash_files(hash_files)
        .build();
    if let Some(name) = env("LEPTOS_HASH_FILE_NAME") {
        options.hash_file = name.into();
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn write(text: &str) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().expect("temp file");
        std::fs::write(f.path(), text).expect("write");
        f
    }

    #[test]
    fn reads_the_repository_leptos_toml() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Leptos.toml");
        let o = load(&path, |_| None).expect("Leptos.toml parses");
        assert_eq!(&*o.output_name, "mercato");
        assert_eq!(o.site_addr.port(), 3000);
        assert!(o.hash_files);
    }

    #[test]
    fn env_overrides_file() {
        let f = write("name = \"shop\"\nsite-addr = \"127.0.0.1:4000\"\nhash-files = true\n");
        let env: HashMap<&str, &str> = [
            ("LEPTOS_SITE_ADDR", "0.0.0.0:8080"),
            ("LEPTOS_HASH_FILES", "false"),
        ]
        .into();
        let o = load(f.path(), |k| env.get(k).map(|v| v.to_string())).expect("loads");
        assert_eq!(&*o.output_name, "shop");
        assert_eq!(o.site_addr, "0.0.0.0:8080".parse().expect("addr"));
        assert!(!o.hash_files);
    }

    #[test]
    fn bad_values_are_reported_not_ignored() {
        let f = write("");
        let err = load(f.path(), |k| {
            (k == "LEPTOS_SITE_ADDR").then(|| "nonsense".to_string())
        })
        .unwrap_err();
        assert!(err.to_string().contains("LEPTOS_SITE_ADDR"));
        let f = write("site-addr = 5");
        assert!(load(f.path(), |_| None).is_err());
    }
}
