//! What a rendered page shows, told to the server's page cache so a change
//! evicts exactly the pages it affects: a server function that reads shop
//! data adds a line to an internal response header, which the cache reads
//! and strips (it never reaches the browser). A page that says nothing is
//! evicted by every change.
use leptos::prelude::use_context;

/// The internal header; the server's page cache knows it by this name.
pub const HEADER: &str = "x-mercato-depends";

fn add(value: String) {
    if let (Some(res), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&value),
    ) {
        res.append_header(http::HeaderName::from_static(HEADER), value);
    }
}

/// The page shows this product only (its own page).
pub fn product(id: i32) {
    add(format!("product={id}"));
}

/// The page lists products (home, category, search): any product change
/// may change which ones and in what order.
pub fn listing() {
    add("listing".to_owned());
}

/// The page shows search results: it follows the search index, which
/// changes after the database does.
pub fn search() {
    add("search".to_owned());
}
