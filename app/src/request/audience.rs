//! Catalog answers as their reader sees them: prices in the shopper's
//! currency (`currency::shopper`), titles and descriptions in the page's
//! language. The page sends its language: a server function is called from
//! any page, and the page cache keys a GET by its URL alone.
use domain::catalog::presented::{Audience, Shown};
use model::Locale;

use super::context::ServerContext;

pub fn shown<T: Shown>(ctx: &ServerContext, locale: Locale, mut value: T) -> T {
    let currencies = ctx.commerce.currencies();
    value.show(&Audience {
        currencies: &currencies,
        currency: super::currency::shopper(ctx),
        locale,
    });
    value
}
