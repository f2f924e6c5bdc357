//! `GET /currency/{code}?next=/path`: the header's currency switcher. It
//! only sets the `currency` cookie (a preference, nothing else: no session)
//! and goes back to the page, which is then priced in it. A link, not a
//! form, so it works without JavaScript; harmless to follow twice.
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use app::request::context::ServerContext;

/// A year: the choice outlives the visit.
const MAX_AGE_SECS: u32 = 365 * 24 * 3600;

#[derive(Deserialize)]
pub struct ChoiceQuery {
    #[serde(default)]
    next: String,
}

/// Only a path on this site (`model::url::local_path`), else the home page.
fn local(next: &str) -> &str {
    model::url::local_path(next).unwrap_or("/")
}

pub async fn choose(
    State(ctx): State<ServerContext>,
    Path(code): Path<String>,
    Query(q): Query<ChoiceQuery>,
) -> Response {
    let Some(currency) = ctx.commerce.currencies().sold(&code) else {
        return (
            StatusCode::NOT_FOUND,
            "The shop doesn't sell in that currency.",
        )
            .into_response();
    };
    let cookie = format!(
        "{}={}; Path=/; Max-Age={MAX_AGE_SECS}; SameSite=Lax",
        model::fx::COOKIE,
        currency.code()
    );
    let mut res = Redirect::to(local(&q.next)).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::local;

    #[test]
    fn only_local_paths_are_followed_back() {
        assert_eq!(local("/de/product/a?x=1"), "/de/product/a?x=1");
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "https://evil.example",
            "",
            "/a\nb",
        ] {
            assert_eq!(local(bad), "/", "{bad:?}");
        }
    }
}
