//! `#[server]` functions, one file per area. They are thin: find the caller's
//! context, call a `domain` service, map the result to wire types.
pub mod account;
pub mod account_types;
pub mod analytics;
pub mod audit;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod catalog_admin;
pub mod catalog_admin_types;
pub mod checkout;
pub mod commerce_types;
#[cfg(feature = "ssr")]
pub mod context;
pub mod dashboard_types;
#[cfg(feature = "ssr")]
pub mod errors;
pub mod orders;
pub mod payment;
pub mod promotions;
pub mod search;
pub mod search_types;
pub mod session;
pub mod site;
pub mod staff;
pub mod types;
