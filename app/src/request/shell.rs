//! The page's frame read before the page renders: the server's page
//! middleware calls [`prefetch`] and puts the answer on the request, the
//! app hands its [`PageShell`] to the banner, header and footer without a
//! boundary, and the page's own server functions take the reads behind it
//! (the caller, the cart, the wishlist) instead of repeating them.
use std::sync::Arc;

use model::commerce::CartView;
use model::storefront::{PageShell, SiteInfo};
use model::wishlist::WishlistView;
use model::{AppError, Locale};
use tower_sessions::Session;

use super::caller::{cart_owner, resolve, wishlist_owner, Resolved};
use super::context::ServerContext;
use super::errors::fail;
use super::shown;

/// What the server read for one page before rendering it.
pub struct Prefetched {
    pub shell: PageShell,
    pub(crate) caller: Option<Resolved>,
    /// The language the cart and wishlist were read in.
    locale: Locale,
    cart: Option<CartView>,
    wishlist: Option<WishlistView>,
}

/// Reads the frame of the page `parts` asks for.
pub async fn prefetch(ctx: &ServerContext, parts: &http::request::Parts) -> Arc<Prefetched> {
    let locale = crate::locale::I18n::of_request(parts).locale;
    let currency = super::currency::shopper_for(ctx, &parts.headers);
    let site = site_info(ctx, currency, locale).await;
    let mut read = Prefetched {
        shell: PageShell {
            site,
            ..PageShell::default()
        },
        caller: None,
        locale,
        cart: None,
        wishlist: None,
    };
    let Some(session) = parts.extensions.get::<Session>().cloned() else {
        tracing::error!("session layer missing");
        read.shell.user = Err(AppError::internal());
        return Arc::new(read);
    };
    let caller = match resolve(session, ctx).await {
        Ok(caller) => caller,
        Err(e) => {
            read.shell.user = Err(fail(e));
            return Arc::new(read);
        }
    };
    read.shell.user = Ok(caller.user.clone());
    read.caller = Some((caller.actor.clone(), caller.user.clone()));
    // A frame without counts is still a page: the cart page or the next
    // request reports what failed here.
    match cart_owner(&caller).await {
        Ok(owner) => match shown::carts_in(ctx, locale, currency).view(&owner).await {
            Ok(cart) => {
                read.shell.cart_items = cart.item_count;
                read.cart = Some(cart);
            }
            Err(e) => tracing::warn!(error = %e, "cart not read for the page frame"),
        },
        Err(e) => tracing::warn!(error = %e, "cart owner not read for the page frame"),
    }
    match wishlist_owner(&caller).await {
        Ok(owner) => match shown::wishlists_in(ctx, locale, currency)
            .view(&owner)
            .await
        {
            Ok(list) => {
                read.shell.wishlist_items = list.lines.len();
                read.wishlist = Some(list);
            }
            Err(e) => tracing::warn!(error = %e, "wishlist not read for the page frame"),
        },
        Err(e) => tracing::warn!(error = %e, "wishlist owner not read for the page frame"),
    }
    Arc::new(read)
}

/// Shop name, public address, navigation and currencies, as pages show
/// them to a shopper paying in `currency` and reading `locale`.
pub async fn site_info(
    ctx: &ServerContext,
    currency: domain::Currency,
    locale: Locale,
) -> Result<SiteInfo, AppError> {
    let mut site = ctx.site.clone();
    // Staff can rename the store; the name at startup may be stale.
    site.shop_name = ctx.store.current().get().name.clone();
    site.navigation = ctx.catalog.navigation(locale).await.map_err(fail)?;
    site.currencies = ctx.commerce.currencies().enabled().collect();
    site.currency = Some(currency);
    site.words = ctx.store.current().words().words_in(locale);
    Ok(site)
}

/// Where a shop sells in several currencies, prices follow the cookie and
/// the browser's region: the answer says so to caches.
pub fn vary_by_currency(site: &SiteInfo) {
    if site.currencies.len() > 1 {
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            res.append_header(
                http::header::VARY,
                http::HeaderValue::from_static("cookie, accept-language"),
            );
        }
    }
}

/// What was read before this page render, taken from the request and
/// shared with the render's server functions (the caller too); the frame
/// to draw. A default frame outside page renders.
pub fn provide() -> PageShell {
    let parts = leptos::prelude::use_context::<http::request::Parts>();
    let read = parts
        .as_ref()
        .and_then(|parts| parts.extensions.get::<Arc<Prefetched>>().cloned());
    let Some(read) = read else {
        // Listing the route table at startup renders the app with mock
        // parts and an empty URL: no page, nothing was read for it.
        let a_page = leptos::prelude::use_context::<leptos_router::location::RequestUrl>()
            .is_some_and(|url| !url.as_ref().is_empty());
        if parts.is_some() && a_page {
            tracing::error!("page rendered without its frame read first");
        }
        super::caller::CallerMemo::provide(None);
        return PageShell::default();
    };
    super::caller::CallerMemo::provide(read.caller.clone());
    if let Ok(site) = &read.shell.site {
        vary_by_currency(site);
    }
    let shell = read.shell.clone();
    leptos::prelude::provide_context(Some(read));
    shell
}

fn current() -> Option<Arc<Prefetched>> {
    leptos::prelude::use_context::<Option<Arc<Prefetched>>>().flatten()
}

/// The cart read for this page in `locale`, if this is a page render.
pub fn cart(locale: Locale) -> Option<CartView> {
    current()
        .filter(|read| read.locale == locale)
        .and_then(|read| read.cart.clone())
}

/// The wishlist read for this page in `locale`, if this is a page render.
pub fn wishlist(locale: Locale) -> Option<WishlistView> {
    current()
        .filter(|read| read.locale == locale)
        .and_then(|read| read.wishlist.clone())
}
