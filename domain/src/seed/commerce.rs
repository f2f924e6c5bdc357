//! The demo shop's shipping methods, tax rates and promo codes.
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, PaginatorTrait, Set};
use time::OffsetDateTime;

use crate::entities::{promotion, shipping_method, shipping_method_name, tax_rate};
use crate::Result;

/// Inserts the demo commerce settings unless shipping methods already exist.
pub async fn insert<C: ConnectionTrait>(conn: &C) -> Result<()> {
    if shipping_method::Entity::find().count(conn).await? > 0 {
        return Ok(());
    }
    // Checkout says from which subtotal a method ships free, in the
    // shopper's currency and language; names need not.
    let methods = [
        (
            ("standard", "Standard (3–5 days)"),
            [
                ("de", "Standard (3–5 Werktage)"),
                ("fr", "Standard (3 à 5 jours)"),
            ],
            ("free_over", 495, Some(5000), None),
        ),
        (
            ("express", "Express (1–2 days)"),
            [
                ("de", "Express (1–2 Werktage)"),
                ("fr", "Express (1 à 2 jours)"),
            ],
            ("flat", 1495, None, None),
        ),
        (
            ("economy", "Economy by weight"),
            [
                ("de", "Economy nach Gewicht"),
                ("fr", "Économique au poids"),
            ],
            ("weight", 300, None, Some(150)),
        ),
    ];
    for (i, ((code, name), names, (kind, price, threshold, per_kg))) in
        methods.into_iter().enumerate()
    {
        let method = shipping_method::ActiveModel {
            code: Set(code.into()),
            name: Set(name.into()),
            kind: Set(kind.into()),
            price_minor: Set(price),
            threshold_minor: Set(threshold),
            per_kg_minor: Set(per_kg),
            position: Set(i as i32),
            active: Set(true),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        for (locale, name) in names {
            shipping_method_name::ActiveModel {
                shipping_method_id: Set(method.id),
                locale: Set(locale.into()),
                name: Set(name.into()),
            }
            .insert(conn)
            .await?;
        }
    }
    let rates = [
        ("US", "CA", 725, "California sales tax"),
        ("US", "NY", 400, "New York sales tax"),
        ("GB", "", 2000, "VAT"),
        ("DE", "", 1900, "MwSt"),
        ("FR", "", 2000, "TVA"),
    ];
    for (country, region, bp, name) in rates {
        tax_rate::ActiveModel {
            country: Set(country.into()),
            region: Set(region.into()),
            rate_basis_points: Set(bp),
            name: Set(name.into()),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    let now = OffsetDateTime::now_utc();
    let promos = [
        ("WELCOME10", "percentage", 1000, 0, None),
        ("TENOFF", "fixed", 1000, 5000, None),
        ("FREESHIP", "free_shipping", 0, 0, None),
        ("ONCE20", "percentage", 2000, 0, Some(1)),
    ];
    for (code, kind, value, min, per_customer) in promos {
        promotion::ActiveModel {
            code: Set(code.into()),
            kind: Set(kind.into()),
            value: Set(value),
            min_subtotal_minor: Set(min),
            starts_at: Set(None),
            ends_at: Set(None),
            usage_limit: Set(None),
            per_customer_limit: Set(per_customer),
            times_used: Set(0),
            active: Set(true),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}
