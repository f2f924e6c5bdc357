//! Static files with cache headers: content-hashed bundles are immutable,
//! uploads change rarely.
use std::path::Path;

use axum::http::{header, HeaderValue};
use axum::response::IntoResponse as _;
use tower::Layer;
use tower_http::{services::ServeDir, set_header::SetResponseHeaderLayer};

type Cached = tower_http::set_header::SetResponseHeader<ServeDir, HeaderValue>;

fn cached(dir: &Path, value: &'static str) -> Cached {
    SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static(value))
        .layer(ServeDir::new(dir))
}

/// `/pkg`: the JS/WASM/CSS bundle. With hashed names a file never changes,
/// so browsers may keep it for a year; without, they must revalidate.
pub fn bundle(dir: &Path, hashed: bool) -> Cached {
    if hashed {
        cached(dir, "public, max-age=31536000, immutable")
    } else {
        cached(dir, "no-cache")
    }
}

pub fn uploads(dir: &Path) -> Cached {
    cached(dir, "public, max-age=86400")
}

/// No file of ours has a name over 255 bytes (the file system's limit) or a
/// NUL: such a request is a 404 here, rather than an OS error (a 500) there.
pub async fn plausible_names(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = req.uri().path();
    let plausible = path.len() <= 1024
        && !path.contains("%00")
        && path.split('/').all(|segment| segment.len() <= 255);
    if plausible {
        next.run(req).await
    } else {
        axum::http::StatusCode::NOT_FOUND.into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    async fn cache_control(hashed: bool) -> String {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("mercato.abc123.js"), "x").expect("write");
        let res = bundle(dir.path(), hashed)
            .oneshot(
                Request::get("/mercato.abc123.js")
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("response");
        assert_eq!(res.status(), 200);
        res.headers()[header::CACHE_CONTROL]
            .to_str()
            .expect("ascii")
            .to_owned()
    }

    #[tokio::test]
    async fn hashed_bundles_are_immutable() {
        assert_eq!(
            cache_control(true).await,
            "public, max-age=31536000, immutable"
        );
        assert_eq!(cache_control(false).await, "no-cache");
    }
}
