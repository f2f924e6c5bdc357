//! One file per page, grouped by area (shop/, account/, admin/).
pub mod account;
pub mod admin;
pub mod on_demand;
pub mod shop;
