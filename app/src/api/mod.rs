//! `#[server]` functions, one file per area. They are thin: find the caller
//! (`crate::request`), call a `domain` service, return its result.
pub mod account;
pub mod analytics;
pub mod api_tokens;
pub mod attributes;
pub mod audit;
pub mod cart;
pub mod catalog;
pub mod catalog_admin;
pub mod checkout;
pub mod gift_cards;
pub mod glossary;
pub mod identity;
pub mod orders;
pub mod payment;
pub mod privacy;
pub mod promotions;
pub mod recommendations;
pub mod returns;
pub mod reviews;
pub mod search;
pub mod session;
pub mod settings;
pub mod site;
pub mod staff;
pub mod webhooks;
pub mod wishlist;
