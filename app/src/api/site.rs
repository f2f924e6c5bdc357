use leptos::prelude::*;
use model::storefront::SiteInfo;
use model::{AppError, Locale};

/// Shop name, public address and navigation (in `locale`), shared by every
/// page.
#[server]
pub async fn get_site_info(#[server(default)] locale: Locale) -> Result<SiteInfo, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let currency = crate::request::currency::shopper(&ctx);
    let site = crate::request::shell::site_info(&ctx, currency, locale).await?;
    crate::request::shell::vary_by_currency(&site);
    Ok(site)
}
