//! Reads a page's frame (site, signed-in user, cart and wishlist counts)
//! before the page renders and puts it on the request, where the app hands
//! it to the banner, header and footer synchronously: a boundary per part
//! was a fifth of a signed-in page (bench/RESULTS.md, "the shell is the
//! page"). Runs for rendered pages only: a page-cache hit never gets here.
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use app::request::context::ServerContext;

pub async fn read(State(ctx): State<ServerContext>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let read = app::request::shell::prefetch(&ctx, &parts).await;
    parts.extensions.insert(read);
    next.run(Request::from_parts(parts, body)).await
}
