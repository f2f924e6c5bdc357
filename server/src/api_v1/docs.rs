//! `/api/docs`: the API document, browsable, with Swagger UI bundled into
//! the binary (from npm's `swagger-ui-dist`, see package.json) — no CDN,
//! so it works offline and under a strict policy: scripts from this site
//! only, no inline script (the set-up is a file of its own).
use axum::http::{header, HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};

const VERSION: &str = "5.35.0";
const BUNDLE: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../node_modules/swagger-ui-dist/swagger-ui-bundle.js"
));
const STYLE: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../node_modules/swagger-ui-dist/swagger-ui.css"
));
const INIT: &str = r##"window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#docs",
    deepLinking: true,
    persistAuthorization: false,
  });
});
"##;
/// Swagger UI sets styles inline; nothing else here may run or load.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
     base-uri 'none'; form-action 'self'";

fn page() -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Mercato API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css?v={VERSION}">
</head>
<body>
<div id="docs"></div>
<script src="/api/docs/swagger-ui-bundle.js?v={VERSION}"></script>
<script src="/api/docs/init.js?v={VERSION}"></script>
</body>
</html>
"#
    )
}

fn answer(kind: &'static str, body: impl IntoResponse, long_lived: bool) -> Response {
    let cache = if long_lived {
        "public, max-age=86400"
    } else {
        "public, max-age=300"
    };
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    h.insert(
        HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex"),
    );
    res
}

pub async fn index() -> Response {
    answer("text/html; charset=utf-8", page(), false)
}

pub async fn bundle() -> Response {
    answer("text/javascript; charset=utf-8", BUNDLE, true)
}

pub async fn style() -> Response {
    answer("text/css; charset=utf-8", STYLE, true)
}

pub async fn init() -> Response {
    answer("text/javascript; charset=utf-8", INIT, true)
}
