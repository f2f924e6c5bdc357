//! SeaORM entities: one file per table. Relations are resolved by the services
//! with batched `IN (...)` look-ups, so the entities stay plain.
pub mod category;
pub mod product;
pub mod product_image;
pub mod product_option;
pub mod product_option_value;
pub mod stock_level;
pub mod variant;
pub mod variant_option_value;
pub mod warehouse;
