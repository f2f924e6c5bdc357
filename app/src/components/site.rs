//! Site-wide data (shop name, public URL, navigation), fetched once per page
//! load and shared through context.
use leptos::prelude::*;
use model::AppError;

use model::storefront::SiteInfo;

use crate::api::site::get_site_info;

#[derive(Clone, Copy)]
pub struct Site(pub Resource<Result<SiteInfo, AppError>>);

pub fn provide_site() {
    // Blocking: the shop name is in <title>, which must be in the first bytes sent.
    let site = Resource::new_blocking(|| (), |_| get_site_info());
    provide_context(Site(site));
}

pub fn use_site() -> Site {
    expect_context::<Site>()
}

/// The site info, or a neutral default if it could not be loaded (the page
/// itself will show the error).
pub async fn site_or_default(site: Site) -> SiteInfo {
    site.0.await.unwrap_or_else(|_| SiteInfo {
        shop_name: "Mercato".into(),
        ..Default::default()
    })
}
