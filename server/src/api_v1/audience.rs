//! Who a store API catalog read is for: the language from
//! `Accept-Language` (as a page without a locale prefix picks it), the
//! currency from `?currency=` (one the shop sells in; the base currency
//! without one). The answer is what the pages show that reader: prices
//! from the currency's price list or converted by its rounding rule,
//! titles, descriptions, category names and option words in the language
//! where staff wrote them (English elsewhere). It names its language in
//! `Content-Language`, and varies on `Accept-Language` for caches.
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use domain::catalog::presented::{Audience, Shown};
use model::{Currency, Locale};
use serde::Deserialize;
use utoipa::IntoParams;

use super::problem::Problem;
use crate::http::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CurrencyQuery {
    /// Prices in this currency (one the shop sells in); the base currency
    /// without it.
    pub currency: Option<String>,
}

pub struct Reader {
    pub locale: Locale,
    pub currency: Currency,
}

impl Reader {
    /// The reader of a request with these headers asking for `currency`.
    pub fn of(
        state: &AppState,
        headers: &HeaderMap,
        currency: Option<&str>,
    ) -> Result<Self, Problem> {
        let locale = app::locale::asked_for(headers);
        let currencies = state.ctx.commerce.currencies();
        let currency = match currency.map(str::trim).filter(|c| !c.is_empty()) {
            None => currencies.base,
            Some(code) => currencies.sold(code).ok_or_else(|| {
                let sold: Vec<&str> = currencies.enabled().map(|c| c.code()).collect();
                Problem::invalid(
                    "currency",
                    format!(
                        "This shop sells in {}; ask for one of them.",
                        sold.join(", ")
                    ),
                )
            })?,
        };
        Ok(Self { locale, currency })
    }

    /// `value` as this reader sees it.
    pub fn show<T: Shown>(&self, state: &AppState, value: &mut T) {
        let currencies = state.ctx.commerce.currencies();
        value.show(&Audience {
            currencies: &currencies,
            currency: self.currency,
            locale: self.locale,
        });
    }

    /// The cart service in this reader's currency and language.
    pub fn carts(&self, state: &AppState) -> domain::cart::Carts {
        state
            .ctx
            .commerce
            .carts_in(self.currency)
            .speaking(self.locale)
    }

    /// The option and attribute words in this reader's language.
    pub fn words(&self, state: &AppState) -> model::glossary::Words {
        state.ctx.store.current().words().words_in(self.locale)
    }

    /// Says which language `res` is in, and that it depends on the header.
    pub fn label(&self, mut res: Response) -> Response {
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(self.locale.code()),
        );
        h.append(header::VARY, HeaderValue::from_static("accept-language"));
        res
    }
}
