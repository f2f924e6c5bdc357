//! A signed-in shopper's own language for pages whose address names none:
//! read from their session (kept there at sign-in and when they change it
//! on their profile) into the request, where `app::locale` takes it after
//! the URL's prefix and before `Accept-Language`. Pages of a session are
//! never shared by the page cache, so no cached copy speaks it to others.
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use tower_sessions::Session;

pub async fn read(mut req: Request, next: Next) -> Response {
    let unprefixed = model::Locale::split_path(req.uri().path()).0.is_none();
    let session = req.extensions().get::<Session>().cloned();
    if let (true, Some(session)) = (unprefixed, session) {
        if let Some(locale) = app::request::caller::account_locale(&session).await {
            req.extensions_mut()
                .insert(app::locale::AccountLocale(locale));
        }
    }
    next.run(req).await
}
