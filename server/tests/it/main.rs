//! The server's integration tests in one binary (one link, not one per
//! file): each module drives the real application over HTTP on a random
//! port, on SQLite and PostgreSQL (`testkit::for_each_backend!`).
// A test binary: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod accounts;
mod analytics;
mod api_admin_orders;
mod api_admin_products;
mod api_admin_reads;
mod api_admin_writes;
mod api_audience;
mod api_contract;
mod api_customer;
mod api_matrix;
mod api_v1;
mod authorization;
mod backup;
mod cart_reminders;
mod catalog_admin;
mod currencies;
mod customers_admin;
mod gift_cards;
mod hostile_input;
mod languages;
mod mail_delivery;
mod metrics;
mod orders;
mod page_cache;
mod search;
mod security;
mod sessions_and_admin;
mod sign_in_with_provider;
mod store_settings;
mod storefront;
mod stripe;
mod webhooks;
