//! The one definition of each shared fact, compiled for the browser (WASM)
//! and the server alike: money and currencies, the statuses, kinds, roles
//! and permissions the shop speaks in. `domain` builds on these and `app`
//! renders them; neither keeps a copy. Serde only — no database, no runtime.
#[macro_use]
mod named;

pub mod accounts;
pub mod analytics;
pub mod api_tokens;
pub mod attributes;
pub mod audit;
pub mod catalog;
pub mod commerce;
pub mod countries;
pub mod dashboard;
pub mod dates;
pub mod error;
pub mod fx;
pub mod gift_cards;
pub mod glossary;
pub mod inventory;
pub mod locale;
pub mod money;
pub mod orders;
pub mod product_form;
pub mod promotions;
pub mod recommendations;
pub mod returns;
pub mod reviews;
pub mod search;
pub mod settings;
pub mod storefront;
pub mod url;
pub mod webhooks;
pub mod wishlist;

pub use accounts::{Permission, Role};
pub use error::{AppError, FieldIssue, Said, SaidArg};
pub use locale::Locale;
pub use money::{Currency, Money};
pub use orders::OrderStatus;
