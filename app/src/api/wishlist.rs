//! The shopper's wishlist: read, save and remove (the hearts), move to the
//! cart, share by a private link, and the alert mails' switch. Guests keep
//! theirs in the session until they sign in, like a cart.
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use model::commerce::CartView;
use model::wishlist::{SharedWishlist, WishlistView};
use model::{AppError, Locale};

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// Titles in `locale` (the page's) where the product is translated, prices
/// in the shopper's currency.
#[server(prefix = "/api/wishlist", endpoint = "get", input = GetUrl)]
pub async fn get_wishlist(#[server(default)] locale: Locale) -> Result<WishlistView, AppError> {
    if let Some(list) = crate::request::shell::wishlist(locale) {
        return Ok(list);
    }
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let owner = crate::request::caller::wishlist_owner(&caller)
        .await
        .map_err(fail)?;
    crate::request::shown::wishlists(&ctx, locale)
        .view(&owner)
        .await
        .map_err(fail)
}

/// The heart: `saved` true saves the product (the variant `sku`, else its
/// first), false removes it (that variant, else all of the product).
#[server(prefix = "/api/wishlist", endpoint = "set")]
pub async fn set_wishlisted(
    slug: String,
    sku: Option<String>,
    saved: bool,
) -> Result<WishlistView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let owner = crate::request::caller::wishlist_owner(&caller)
        .await
        .map_err(fail)?;
    // The list remembers the currency it is saved to in: its mails quote it.
    let lists = ctx
        .commerce
        .wishlists()
        .pricing_in(crate::request::currency::shopper(&ctx));
    let sku = sku.as_deref().filter(|s| !s.trim().is_empty());
    let view = if saved {
        lists.save(&owner, &slug, sku).await
    } else {
        lists.remove(&owner, &slug, sku).await
    }
    .map_err(fail)?;
    crate::request::caller::remember_wishlist(&caller, view.id.as_deref())
        .await
        .map_err(fail)?;
    Ok(view)
}

/// One of `sku` into the cart, off the list.
#[server(prefix = "/api/wishlist", endpoint = "move")]
pub async fn move_wishlist_to_cart(sku: String) -> Result<(WishlistView, CartView), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let owner = crate::request::caller::wishlist_owner(&caller)
        .await
        .map_err(fail)?;
    let cart_owner = crate::request::caller::cart_owner(&caller)
        .await
        .map_err(fail)?;
    let (list, cart) = ctx
        .commerce
        .wishlists()
        .move_to_cart(
            &owner,
            &cart_owner,
            &sku,
            crate::request::currency::shopper(&ctx),
        )
        .await
        .map_err(fail)?;
    crate::request::caller::remember_cart(&caller, cart.id.as_deref())
        .await
        .map_err(fail)?;
    Ok((list, cart))
}

/// Shares the list by a new private link (`on`), or stops sharing it.
#[server(prefix = "/api/wishlist", endpoint = "share")]
pub async fn share_wishlist(on: bool) -> Result<WishlistView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let owner = crate::request::caller::wishlist_owner(&caller)
        .await
        .map_err(fail)?;
    let view = ctx
        .commerce
        .wishlists()
        .share(&owner, on)
        .await
        .map_err(fail)?;
    crate::request::caller::remember_wishlist(&caller, view.id.as_deref())
        .await
        .map_err(fail)?;
    Ok(view)
}

/// "Back in stock" and "price dropped" mails on or off (signed in).
#[server(prefix = "/api/wishlist", endpoint = "alerts")]
pub async fn wishlist_alerts(on: bool) -> Result<WishlistView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let owner = crate::request::caller::wishlist_owner(&caller)
        .await
        .map_err(fail)?;
    ctx.commerce
        .wishlists()
        .set_alerts(&owner, on)
        .await
        .map_err(fail)
}

/// What a shared link shows (read-only, no sign-in), in the viewer's
/// language and currency.
#[server(prefix = "/api/wishlist", endpoint = "shared", input = GetUrl)]
pub async fn get_shared_wishlist(
    token: String,
    #[server(default)] locale: Locale,
) -> Result<SharedWishlist, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    crate::request::shown::wishlists(&ctx, locale)
        .shared(&token)
        .await
        .map_err(fail)
}

/// The link in the alert mails: a form post (a mail scanner following the
/// link only sees the page with the button).
#[server(prefix = "/api/wishlist", endpoint = "alerts-off")]
pub async fn wishlist_alerts_off(token: String) -> Result<(), AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    ctx.commerce
        .wishlists()
        .alerts_off(&token)
        .await
        .map_err(fail)
}
