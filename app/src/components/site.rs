//! Site-wide data (shop name, public URL, navigation, currencies), read by
//! the server with the page's frame and shared through context.
use leptos::prelude::*;
use model::AppError;

use model::storefront::SiteInfo;

#[derive(Clone, Copy)]
pub struct Site(StoredValue<Result<SiteInfo, AppError>>);

pub fn provide_site(site: Result<SiteInfo, AppError>) {
    provide_context(Site(StoredValue::new(site)));
}

pub fn use_site() -> Site {
    expect_context::<Site>()
}

impl Site {
    /// Reads the site info in place (none if it could not be loaded; the
    /// page itself shows that error).
    pub fn with<R>(self, f: impl FnOnce(Option<&SiteInfo>) -> R) -> R {
        self.0.with_value(|site| f(site.as_ref().ok()))
    }

    /// An option or attribute word ("Size", "Navy") in the page's language
    /// (`model::glossary`), else as it is.
    pub fn word(self, english: &str) -> String {
        self.with(|s| s.map_or(english, |s| s.words.word(english)).to_owned())
    }

    /// A variant's title ("M / Navy") with each value in the page's
    /// language.
    pub fn variant_title(self, title: &str) -> String {
        self.with(|s| s.map_or_else(|| title.to_owned(), |s| s.words.variant_title(title)))
    }

    /// Whether the offline test gateway takes the payments.
    pub fn test_payments(self) -> bool {
        self.with(|s| s.is_some_and(|s| s.test_payments))
    }

    /// The shop's name and public base URL, for titles and canonical links;
    /// a neutral name if the site info could not be loaded.
    pub fn identity(self) -> ShopIdentity {
        self.with(|s| match s {
            Some(s) => ShopIdentity {
                name: s.shop_name.clone(),
                public_url: s.public_url.clone(),
            },
            None => ShopIdentity {
                name: "Mercato".into(),
                public_url: String::new(),
            },
        })
    }
}

/// What a page's head says about the shop.
#[derive(Clone, Debug)]
pub struct ShopIdentity {
    pub name: String,
    pub public_url: String,
}
