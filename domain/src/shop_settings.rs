//! The shop's own settings staff change in the admin (permission
//! `settings`): shipping methods, tax rates and carriers (`carriers.rs`).
//! Checkout reads the methods and rates on every quote, so a change applies
//! to the next basket. The store's
//! identity (name, currency, mail sender, order-number prefix) is
//! `crate::store`.
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

mod carriers;
mod in_currencies;
mod names;

pub use carriers::DEFAULT_CARRIER;
pub(crate) use carriers::{all as carriers, PLACEHOLDER as TRACKING_PLACEHOLDER};
pub use in_currencies::{in_currency as amounts_in, ShippingAmounts};
pub(crate) use in_currencies::{read as read_amounts, write as write_amounts};
pub use names::{in_locale as names_in, ShippingName};
pub(crate) use names::{read as read_names, write as write_names};

use crate::accounts::{Actor, Permission};
use crate::entities::{shipping_method, tax_rate};
use crate::{Error, Result};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingMethodInput {
    pub code: String,
    pub name: String,
    /// flat | free_over | weight
    pub kind: String,
    pub price_minor: i64,
    /// free_over: orders from this subtotal ship free.
    pub threshold_minor: Option<i64>,
    /// weight: added per started kilogram.
    pub per_kg_minor: Option<i64>,
    pub active: bool,
    /// Amounts set by hand in other currencies (the rest convert).
    #[serde(default)]
    pub in_currencies: Vec<ShippingAmounts>,
    /// Its name in other languages (the rest show `name`).
    #[serde(default)]
    pub names: Vec<ShippingName>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxRateInput {
    /// ISO 3166-1 alpha-2, e.g. "US".
    pub country: String,
    /// Empty for the whole country.
    pub region: String,
    pub rate_basis_points: i32,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TaxRateRow {
    pub id: i32,
    pub rate: TaxRateInput,
}

#[derive(Clone)]
pub struct ShopSettings {
    db: DatabaseConnection,
}

fn method_input(m: &shipping_method::Model) -> ShippingMethodInput {
    ShippingMethodInput {
        code: m.code.clone(),
        name: m.name.clone(),
        kind: m.kind.clone(),
        price_minor: m.price_minor,
        threshold_minor: m.threshold_minor,
        per_kg_minor: m.per_kg_minor,
        active: m.active,
        in_currencies: Vec::new(),
        names: Vec::new(),
    }
}

/// The code staff give a shipping method or a carrier: trimmed, lower case,
/// 2–32 letters, digits, `-` or `_`.
fn code(raw: &str) -> Result<String> {
    let code = raw.trim().to_lowercase();
    let ok = (2..=32).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(code)
    } else {
        Err(Error::validation(
            "code",
            "Codes are 2–32 letters, digits, - or _.",
        ))
    }
}

fn check_method(m: &mut ShippingMethodInput) -> Result<()> {
    m.code = code(&m.code)?;
    m.name = m.name.trim().to_owned();
    if m.name.is_empty() || m.name.chars().count() > names::MAX_NAME {
        return Err(Error::validation(
            "name",
            "Give the method a name shoppers understand.",
        ));
    }
    if m.price_minor < 0
        || m.threshold_minor.is_some_and(|t| t < 0)
        || m.per_kg_minor.is_some_and(|p| p < 0)
    {
        return Err(Error::validation("price", "Prices can't be negative."));
    }
    match m.kind.as_str() {
        "flat" => {
            m.threshold_minor = None;
            m.per_kg_minor = None;
        }
        "free_over" if m.threshold_minor.is_some() => m.per_kg_minor = None,
        "free_over" => {
            return Err(Error::validation(
                "threshold",
                "Enter the subtotal from which shipping is free.",
            ))
        }
        "weight" if m.per_kg_minor.is_some() => m.threshold_minor = None,
        "weight" => return Err(Error::validation("per_kg", "Enter the price per kilogram.")),
        _ => {
            return Err(Error::validation(
                "kind",
                "Choose flat, free over a subtotal, or by weight.",
            ))
        }
    }
    m.in_currencies = in_currencies::for_kind(std::mem::take(&mut m.in_currencies), &m.kind);
    m.names = names::checked(std::mem::take(&mut m.names))?;
    Ok(())
}

fn check_rate(r: &mut TaxRateInput) -> Result<()> {
    r.country = r.country.trim().to_uppercase();
    r.region = r.region.trim().to_uppercase();
    r.name = r.name.trim().to_owned();
    if crate::accounts::countries()
        .iter()
        .all(|(code, _)| *code != r.country)
    {
        return Err(Error::validation("country", "Choose a country we ship to."));
    }
    if !(0..=10_000).contains(&r.rate_basis_points) {
        return Err(Error::validation("rate", "A rate is between 0 and 100%."));
    }
    if r.name.is_empty() || r.name.chars().count() > 60 {
        return Err(Error::validation(
            "name",
            "Name the tax as invoices show it, e.g. VAT.",
        ));
    }
    Ok(())
}

impl ShopSettings {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    pub async fn shipping_methods(&self, actor: &Actor) -> Result<Vec<ShippingMethodInput>> {
        actor.require(Permission::Settings)?;
        let mut amounts = in_currencies::of(&self.db, None).await?;
        let mut names = names::of(&self.db, None).await?;
        Ok(shipping_method::Entity::find()
            .order_by_asc(shipping_method::Column::Position)
            .order_by_asc(shipping_method::Column::Id)
            .all(&self.db)
            .await?
            .iter()
            .map(|m| ShippingMethodInput {
                in_currencies: amounts.remove(&m.id).unwrap_or_default(),
                names: names.remove(&m.id).unwrap_or_default(),
                ..method_input(m)
            })
            .collect())
    }

    /// Creates (`original` = None) or changes a shipping method.
    pub async fn save_shipping_method(
        &self,
        actor: &Actor,
        original: Option<&str>,
        mut input: ShippingMethodInput,
    ) -> Result<()> {
        actor.require(Permission::Settings)?;
        check_method(&mut input)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let taken = shipping_method::Entity::find()
            .filter(shipping_method::Column::Code.eq(&input.code))
            .filter(shipping_method::Column::Code.ne(original.unwrap_or_default()))
            .count(&txn)
            .await?;
        if taken > 0 {
            return Err(Error::validation(
                "code",
                format!("The code {} is taken.", input.code),
            ));
        }
        let before = match original {
            Some(code) => Some(
                shipping_method::Entity::find()
                    .filter(shipping_method::Column::Code.eq(code))
                    .one(&txn)
                    .await?
                    .ok_or(Error::not_found("shipping method"))?,
            ),
            None => None,
        };
        let (before_amounts, before_names) = match &before {
            Some(b) => (
                in_currencies::of(&txn, Some(b.id)).await?.remove(&b.id),
                names::of(&txn, Some(b.id)).await?.remove(&b.id),
            ),
            None => (None, None),
        };
        let mut row = shipping_method::ActiveModel {
            code: Set(input.code.clone()),
            name: Set(input.name.clone()),
            kind: Set(input.kind.clone()),
            price_minor: Set(input.price_minor),
            threshold_minor: Set(input.threshold_minor),
            per_kg_minor: Set(input.per_kg_minor),
            active: Set(input.active),
            ..Default::default()
        };
        let id = match &before {
            Some(b) => {
                row.id = Set(b.id);
                row.update(&txn).await?.id
            }
            None => {
                let last = shipping_method::Entity::find().count(&txn).await?;
                row.position = Set(last as i32);
                row.insert(&txn).await?.id
            }
        };
        in_currencies::replace(&txn, id, &input.in_currencies).await?;
        names::replace(&txn, id, &input.names).await?;
        crate::audit::record(
            &txn,
            actor,
            if before.is_some() {
                "shipping.update"
            } else {
                "shipping.create"
            },
            "shipping_method",
            &input.code,
            before.as_ref().map(|b| {
                json!(ShippingMethodInput {
                    in_currencies: before_amounts.unwrap_or_default(),
                    names: before_names.unwrap_or_default(),
                    ..method_input(b)
                })
            }),
            Some(json!(input)),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    pub async fn delete_shipping_method(&self, actor: &Actor, code: &str) -> Result<()> {
        actor.require(Permission::Settings)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let m = shipping_method::Entity::find()
            .filter(shipping_method::Column::Code.eq(code))
            .one(&txn)
            .await?
            .ok_or(Error::not_found("shipping method"))?;
        shipping_method::Entity::delete_by_id(m.id)
            .exec(&txn)
            .await?;
        crate::audit::record(
            &txn,
            actor,
            "shipping.delete",
            "shipping_method",
            code,
            Some(json!(method_input(&m))),
            None,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    pub async fn tax_rates(&self, actor: &Actor) -> Result<Vec<TaxRateRow>> {
        actor.require(Permission::Settings)?;
        Ok(tax_rate::Entity::find()
            .order_by_asc(tax_rate::Column::Country)
            .order_by_asc(tax_rate::Column::Region)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|t| TaxRateRow {
                id: t.id,
                rate: TaxRateInput {
                    country: t.country,
                    region: t.region,
                    rate_basis_points: t.rate_basis_points,
                    name: t.name,
                },
            })
            .collect())
    }

    /// Adds a rate, or replaces the one for the same country and region.
    pub async fn save_tax_rate(&self, actor: &Actor, mut input: TaxRateInput) -> Result<()> {
        actor.require(Permission::Settings)?;
        check_rate(&mut input)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let existing = tax_rate::Entity::find()
            .filter(tax_rate::Column::Country.eq(&input.country))
            .filter(tax_rate::Column::Region.eq(&input.region))
            .one(&txn)
            .await?;
        let before = existing
            .as_ref()
            .map(|t| json!({ "rate_basis_points": t.rate_basis_points, "name": t.name }));
        let mut row = tax_rate::ActiveModel {
            country: Set(input.country.clone()),
            region: Set(input.region.clone()),
            rate_basis_points: Set(input.rate_basis_points),
            name: Set(input.name.clone()),
            ..Default::default()
        };
        match existing {
            Some(t) => {
                row.id = Set(t.id);
                row.update(&txn).await?;
            }
            None => {
                row.insert(&txn).await?;
            }
        }
        let key = format!("{}-{}", input.country, input.region);
        crate::audit::record(
            &txn,
            actor,
            "tax.save",
            "tax_rate",
            key.trim_end_matches('-'),
            before,
            Some(json!(input)),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    pub async fn delete_tax_rate(&self, actor: &Actor, id: i32) -> Result<()> {
        actor.require(Permission::Settings)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let t = tax_rate::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::not_found("tax rate"))?;
        tax_rate::Entity::delete_by_id(id).exec(&txn).await?;
        let key = format!("{}-{}", t.country, t.region);
        crate::audit::record(
            &txn,
            actor,
            "tax.delete",
            "tax_rate",
            key.trim_end_matches('-'),
            Some(json!({ "rate_basis_points": t.rate_basis_points, "name": t.name })),
            None,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}
