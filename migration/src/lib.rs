//! Schema migrations. One file per schema change; a migration is never edited
//! once it has landed — add a new one instead.
pub use sea_orm_migration::prelude::*;

mod helpers;
mod m20261121_000001_catalog;
mod m20261121_000002_accounts;
mod m20261121_000003_commerce;
mod m20261121_000004_analytics;
mod m20261121_000005_audit;
mod m20261121_000006_stock_movements;
mod m20261121_000007_customer_status;
mod m20261121_000008_store_profile;
mod m20261201_000009_checkout_keys;
mod m20261201_000010_privacy_requests;
mod m20261202_000011_change_feed;
mod m20261202_000012_rate_limits;
mod m20261202_000013_import_jobs;
mod m20261203_000014_reviews;
mod m20261204_000015_wishlists;
mod m20261204_000016_recommendations;
mod m20261205_000017_account_changes;
mod m20261206_000018_personal_changes;
mod m20261207_000019_review_changes;
mod m20261208_000020_api_tokens;
mod m20261209_000021_webhooks;
mod m20261210_000022_shipments;
mod m20261211_000023_low_stock_threshold;
mod m20261212_000024_cart_reminders;
mod m20261213_000025_returns;
mod m20261214_000026_attributes;
mod m20261215_000027_gift_card_ledger;
mod m20261216_000028_balance_payments;
mod m20261217_000029_gift_card_orders;
mod m20261218_000030_user_identities;
mod m20261219_000031_locales;
mod m20261220_000032_currencies;
mod m20261221_000033_product_translations;
mod m20261222_000034_amounts_in_currencies;
mod m20261223_000035_store_credit_changes;
mod m20261224_000036_shipping_method_names;
mod m20261225_000037_wishlist_currency;
mod m20261226_000038_category_translations;
mod m20261227_000039_catalog_words;
mod m20261228_000040_product_prices;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_catalog::Migration),
            Box::new(m20261121_000002_accounts::Migration),
            Box::new(m20261121_000003_commerce::Migration),
            Box::new(m20261121_000004_analytics::Migration),
            Box::new(m20261121_000005_audit::Migration),
            Box::new(m20261121_000006_stock_movements::Migration),
            Box::new(m20261121_000007_customer_status::Migration),
            Box::new(m20261121_000008_store_profile::Migration),
            Box::new(m20261201_000009_checkout_keys::Migration),
            Box::new(m20261201_000010_privacy_requests::Migration),
            Box::new(m20261202_000011_change_feed::Migration),
            Box::new(m20261202_000012_rate_limits::Migration),
            Box::new(m20261202_000013_import_jobs::Migration),
            Box::new(m20261203_000014_reviews::Migration),
            Box::new(m20261204_000015_wishlists::Migration),
            Box::new(m20261204_000016_recommendations::Migration),
            Box::new(m20261205_000017_account_changes::Migration),
            Box::new(m20261206_000018_personal_changes::Migration),
            Box::new(m20261207_000019_review_changes::Migration),
            Box::new(m20261208_000020_api_tokens::Migration),
            Box::new(m20261209_000021_webhooks::Migration),
            Box::new(m20261210_000022_shipments::Migration),
            Box::new(m20261211_000023_low_stock_threshold::Migration),
            Box::new(m20261212_000024_cart_reminders::Migration),
            Box::new(m20261213_000025_returns::Migration),
            Box::new(m20261214_000026_attributes::Migration),
            Box::new(m20261215_000027_gift_card_ledger::Migration),
            Box::new(m20261216_000028_balance_payments::Migration),
            Box::new(m20261217_000029_gift_card_orders::Migration),
            Box::new(m20261218_000030_user_identities::Migration),
            Box::new(m20261219_000031_locales::Migration),
            Box::new(m20261220_000032_currencies::Migration),
            Box::new(m20261221_000033_product_translations::Migration),
            Box::new(m20261222_000034_amounts_in_currencies::Migration),
            Box::new(m20261223_000035_store_credit_changes::Migration),
            Box::new(m20261224_000036_shipping_method_names::Migration),
            Box::new(m20261225_000037_wishlist_currency::Migration),
            Box::new(m20261226_000038_category_translations::Migration),
            Box::new(m20261227_000039_catalog_words::Migration),
            Box::new(m20261228_000040_product_prices::Migration),
        ]
    }
}
