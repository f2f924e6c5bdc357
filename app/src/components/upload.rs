//! Sending a file from the browser to one of the plain HTTP routes (image
//! upload, CSV import) and polling a JSON status, with `fetch`.
use serde_json::Value;

/// The server's answer: status code and parsed JSON (or `Null`).
pub struct Reply {
    pub status: u16,
    pub json: Value,
}

impl Reply {
    /// The message of a refused reply (an `AppError`), or a generic one.
    pub fn error(&self) -> String {
        self.json
            .get("message")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("The upload failed (HTTP {}).", self.status))
    }
}

/// The first file chosen in `<input type=file id=input_id>`.
#[cfg(feature = "hydrate")]
pub fn chosen_file(input_id: &str) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = leptos::prelude::document()
        .get_element_by_id(input_id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    input.files()?.get(0)
}

#[cfg(feature = "hydrate")]
async fn fetch(url: &str, method: &str, body: Option<&web_sys::File>) -> Result<Reply, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let offline = || "We couldn't reach the shop. Check your connection and try again.".to_owned();
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(file) = body {
        init.set_body(file);
        let headers = web_sys::Headers::new().map_err(|_| offline())?;
        let kind = file.type_();
        let _ = headers.set(
            "Content-Type",
            if kind.is_empty() {
                "application/octet-stream"
            } else {
                &kind
            },
        );
        init.set_headers(&headers);
    }
    let res: web_sys::Response =
        JsFuture::from(leptos::prelude::window().fetch_with_str_and_init(url, &init))
            .await
            .map_err(|_| offline())?
            .dyn_into()
            .map_err(|_| offline())?;
    let text = JsFuture::from(res.text().map_err(|_| offline())?)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    Ok(Reply {
        status: res.status(),
        json: serde_json::from_str(&text).unwrap_or(Value::Null),
    })
}

#[cfg(feature = "hydrate")]
pub async fn post_file(url: &str, file: &web_sys::File) -> Result<Reply, String> {
    fetch(url, "POST", Some(file)).await
}

#[cfg(feature = "hydrate")]
pub async fn get_json(url: &str) -> Result<Reply, String> {
    fetch(url, "GET", None).await
}

#[cfg(feature = "hydrate")]
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Sends the file chosen in `<input type=file id=input_id>` to `url`
/// (POST) with `busy` set meanwhile: a 201's JSON goes to `created`,
/// anything else becomes the message in `error`.
#[cfg(feature = "hydrate")]
pub fn send_chosen(
    input_id: &str,
    url: String,
    busy: leptos::prelude::RwSignal<bool>,
    error: leptos::prelude::RwSignal<Option<String>>,
    created: impl FnOnce(Value) + 'static,
) {
    use leptos::prelude::Set;
    let Some(file) = chosen_file(input_id) else {
        error.set(Some("Choose a file first.".into()));
        return;
    };
    busy.set(true);
    error.set(None);
    leptos::task::spawn_local(async move {
        match post_file(&url, &file).await {
            Ok(r) if r.status == 201 => created(r.json),
            Ok(r) => error.set(Some(r.error())),
            Err(e) => error.set(Some(e)),
        }
        busy.set(false);
    });
}

/// The refusal of the last upload, announced to screen readers.
#[leptos::component]
pub fn UploadError(error: leptos::prelude::RwSignal<Option<String>>) -> impl leptos::IntoView {
    use leptos::prelude::*;
    move || {
        error.get().map(|e| {
            view! {
                <p
                    role="alert"
                    class="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
                    data-testid="upload-error"
                >
                    {e}
                </p>
            }
        })
    }
}
