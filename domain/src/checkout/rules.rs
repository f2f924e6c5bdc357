//! Shipping methods and tax rates as stored, turned into pricing rules.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{shipping_method, tax_rate};
use crate::pricing::ShippingRule;
use crate::Result;

pub use model::commerce::ShippingOption;

pub(super) async fn shipping_methods<C: ConnectionTrait>(
    conn: &C,
) -> Result<Vec<(shipping_method::Model, ShippingRule)>> {
    let rows = shipping_method::Entity::find()
        .filter(shipping_method::Column::Active.eq(true))
        .order_by_asc(shipping_method::Column::Position)
        .order_by_asc(shipping_method::Column::Id)
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|m| {
            let rule = match m.kind.as_str() {
                "flat" => ShippingRule::Flat {
                    price: m.price_minor,
                },
                "free_over" => ShippingRule::FreeOver {
                    price: m.price_minor,
                    threshold: m.threshold_minor?,
                },
                "weight" => ShippingRule::Weight {
                    base: m.price_minor,
                    per_kg: m.per_kg_minor?,
                },
                _ => return None,
            };
            Some((m, rule))
        })
        .collect())
}

/// The rate for a region if one is set, else the country's, else none.
pub(super) async fn tax_rate<C: ConnectionTrait>(
    conn: &C,
    country: &str,
    region: &str,
) -> Result<u32> {
    let rows = tax_rate::Entity::find()
        .filter(tax_rate::Column::Country.eq(country.trim().to_uppercase()))
        .all(conn)
        .await?;
    let region = region.trim();
    let specific = rows
        .iter()
        .find(|r| !r.region.is_empty() && r.region.eq_ignore_ascii_case(region));
    let general = rows.iter().find(|r| r.region.is_empty());
    Ok(specific
        .or(general)
        .map(|r| u32::try_from(r.rate_basis_points).unwrap_or(0))
        .unwrap_or(0))
}
