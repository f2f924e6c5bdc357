//! The domain's integration tests in one binary (one link, not one per
//! file): each module is a service or a journey, against real SQLite and
//! PostgreSQL databases (`testkit::for_each_backend!`).
// A test binary: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod api_tokens;
mod attributes;
mod audit;
mod cart_reminders;
mod catalog;
mod catalog_admin;
mod commerce;
mod currencies;
mod dashboard;
mod files;
mod gift_card_checkout;
mod gift_cards;
mod identities;
mod import_jobs;
mod locales;
mod low_stock;
mod rate_limits;
mod recommendations;
mod returns;
mod review_photos;
mod reviews;
mod search;
mod shipments;
mod store;
mod wishlist;
