//! The page's frame data ([`PageShell`]): the server reads it before the
//! page renders (`request::shell`) and sends it with the page, and the
//! browser takes it back while hydrating, so the banner, header and footer
//! render without waiting on anything.
use leptos::prelude::*;
use model::storefront::PageShell;

/// Shares the site, the user and the cart and wishlist counts with every
/// component. Called once, where `App` starts: the value's place in the
/// page is its order among the shared values and resources.
pub fn provide_page_shell() {
    let shell = SharedValue::new(read).into_inner();
    super::site::provide_site(shell.site);
    super::session::provide_current_user(shell.user);
    super::cart_state::provide_cart(shell.cart_items);
    super::wishlist_state::provide_wishlist(shell.wishlist_items);
}

#[cfg(feature = "ssr")]
fn read() -> PageShell {
    crate::request::shell::provide()
}

/// The browser gets the server's value while hydrating; this is only its
/// fallback.
#[cfg(not(feature = "ssr"))]
fn read() -> PageShell {
    PageShell::default()
}
