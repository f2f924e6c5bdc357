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
    Ok(site)
}
