//! Mercato's business rules. No Leptos, no axum: the web layers call the
//! services here and map [`Error`] to their own status codes once.
pub mod accounts;
pub mod analytics;
pub mod audit;
pub mod blocking;
pub mod bounds;
pub mod cart;
pub mod catalog;
pub mod changes;
pub mod checkout;
pub mod commerce;
pub mod db;
pub mod entities;
pub mod error;
pub mod files;
pub mod inventory;
pub mod mail;
pub mod money;
pub mod orders;
pub mod outbox;
pub mod payments;
pub mod pricing;
pub mod promotions;
pub mod rate_limits;
pub mod recommendations;
pub mod reviews;
pub mod search;
pub mod secrets;
pub mod seed;
pub mod settings_page;
pub mod shop_settings;
pub mod store;
pub mod typed;
pub mod wishlist;

pub use error::{Error, Result};
pub use money::{Currency, Money};
