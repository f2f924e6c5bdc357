use leptos::prelude::*;
use model::storefront::SiteInfo;
use model::AppError;

/// Shop name, public address and navigation, shared by every page.
#[server]
pub async fn get_site_info() -> Result<SiteInfo, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let mut site = ctx.site.clone();
    // Staff can rename the store; the name at startup may be stale.
    site.shop_name = ctx.store.current().get().name.clone();
    site.navigation = ctx
        .catalog
        .navigation()
        .await
        .map_err(crate::request::errors::fail)?;
    site.currencies = ctx.commerce.currencies().enabled().collect();
    site.currency = Some(crate::request::currency::shopper(&ctx));
    if site.currencies.len() > 1 {
        // Prices follow the cookie and the browser's region.
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.append_header(
                http::header::VARY,
                http::HeaderValue::from_static("cookie, accept-language"),
            );
        }
    }
    Ok(site)
}
