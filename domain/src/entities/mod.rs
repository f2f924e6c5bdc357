//! SeaORM entities: one file per table. Relations are resolved by the services
//! with batched `IN (...)` look-ups, so the entities stay plain.
pub mod address;
pub mod auth_throttle;
pub mod category;
pub mod outbox_message;
pub mod product;
pub mod product_image;
pub mod product_option;
pub mod product_option_value;
pub mod recovery_code;
pub mod session;
pub mod stock_level;
pub mod user;
pub mod user_token;
pub mod variant;
pub mod variant_option_value;
pub mod warehouse;
