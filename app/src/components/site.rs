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

impl Site {
    /// Whether the offline test gateway takes the payments (no until known).
    /// Read in place: awaiting the resource clones the whole navigation,
    /// and every page asks this twice (bench/RESULTS.md, twenty-sixth
    /// session).
    pub async fn test_payments(self) -> bool {
        self.0
            .by_ref()
            .await
            .as_ref()
            .is_ok_and(|s| s.test_payments)
    }

    /// The shop's name and public base URL, for titles and canonical links;
    /// a neutral name if the site info could not be loaded (the page itself
    /// will show the error).
    pub async fn identity(self) -> ShopIdentity {
        match &*self.0.by_ref().await {
            Ok(s) => ShopIdentity {
                name: s.shop_name.clone(),
                public_url: s.public_url.clone(),
            },
            Err(_) => ShopIdentity {
                name: "Mercato".into(),
                public_url: String::new(),
            },
        }
    }
}

/// What a page's head says about the shop.
#[derive(Clone, Debug)]
pub struct ShopIdentity {
    pub name: String,
    pub public_url: String,
}
