//! Carts and wishlists as this request shows them: priced in the shopper's
//! currency ([`super::currency::shopper`]) and titled in the page's
//! language. A customer's are held as last shown, so every server function
//! a page calls asks for them alike (one asking in another language would
//! make the next read again).
use super::context::ServerContext;

pub fn carts(ctx: &ServerContext, locale: model::Locale) -> domain::cart::Carts {
    carts_in(ctx, locale, super::currency::shopper(ctx))
}

pub fn wishlists(ctx: &ServerContext, locale: model::Locale) -> domain::wishlist::Wishlists {
    wishlists_in(ctx, locale, super::currency::shopper(ctx))
}

/// [`carts`] in `currency`, for a request read before its page renders.
pub fn carts_in(
    ctx: &ServerContext,
    locale: model::Locale,
    currency: domain::Currency,
) -> domain::cart::Carts {
    ctx.commerce.carts_in(currency).speaking(locale)
}

/// [`wishlists`] in `currency`, for a request read before its page renders.
pub fn wishlists_in(
    ctx: &ServerContext,
    locale: model::Locale,
    currency: domain::Currency,
) -> domain::wishlist::Wishlists {
    ctx.commerce
        .wishlists()
        .speaking(locale)
        .pricing_in(currency)
}
