//! The address book: shipping and billing addresses with default flags and
//! per-country validation. Addresses are addressed by their public id and
//! only ever within the owner's book.
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::countries::{self, normalise_postcode};
use super::profile::check_phone;
use super::{now, Accounts, Actor, Address, AddressInput};
use crate::entities::address::{self, Column, Entity as AddressEntity};
use crate::error::Issues;
use crate::{Error, Result};
use model::Locale;

pub const MAX_ADDRESSES: usize = 20;

/// (code, English name) for the admin's country picker; shoppers' pages
/// name countries in their own language by code.
pub fn countries() -> Vec<(String, String)> {
    countries::COUNTRIES
        .iter()
        .map(|c| (c.code.to_owned(), i18n::country(Locale::En, c.code)))
        .collect()
}

/// A field's message, naming the field (`$field` picks its name in each
/// language; `$label` is the English, for fields the catalogs don't name).
fn address_said(key: &str, field: &str, label: &str) -> model::Said {
    model::Said::new(key)
        .text("field", field)
        .text("label", label)
}

fn required(field: &'static str, value: &str, label: &str, max: usize) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::rule(
            field,
            address_said("error-address-required", field, label),
        ));
    }
    optional(field, value, label, max)
}

fn optional(field: &'static str, value: &str, label: &str, max: usize) -> Result<String> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(Error::rule(
            field,
            address_said("error-address-too-long", field, label).number("max", max as i64),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::rule(
            field,
            address_said("error-address-characters", field, label),
        ));
    }
    Ok(value.to_owned())
}

/// Checks and tidies an address for its country, reporting every wrong
/// field at once.
pub fn validate(input: &AddressInput) -> Result<AddressInput> {
    let mut issues = Issues::default();
    let country = countries::find(&input.country);
    if country.is_none() {
        issues.take::<()>(Err(Error::rule(
            "country",
            model::Said::new("error-country"),
        )))?;
    }
    let region = match country {
        Some(c) if c.region_required => issues.take(required(
            "region",
            &input.region,
            "state, province or region",
            120,
        ))?,
        _ => issues.take(optional("region", &input.region, "region", 120))?,
    };
    let postal_code = match country {
        Some(c) => issues.take(normalise_postcode(c, &input.postal_code).ok_or_else(|| {
            Error::rule(
                "postal_code",
                model::Said::new("error-postal-code")
                    .country("country", c.code)
                    .text("example", c.postcode_example),
            )
        }))?,
        None => String::new(),
    };
    let checked = AddressInput {
        full_name: issues.take(required("full_name", &input.full_name, "full name", 120))?,
        company: issues.take(optional("company", &input.company, "company", 120))?,
        line1: issues.take(required("line1", &input.line1, "street address", 200))?,
        line2: issues.take(optional("line2", &input.line2, "second address line", 200))?,
        city: issues.take(required("city", &input.city, "town or city", 120))?,
        region,
        postal_code,
        country: country.map(|c| c.code.to_owned()).unwrap_or_default(),
        phone: issues.take(check_phone("phone", &input.phone))?,
        is_default_shipping: input.is_default_shipping,
        is_default_billing: input.is_default_billing,
    };
    issues.finish()?;
    Ok(checked)
}

/// A customer's saved addresses, the default shipping address first.
pub(crate) async fn address_book(
    db: &sea_orm::DatabaseConnection,
    user_id: i32,
) -> Result<Vec<Address>> {
    Ok(AddressEntity::find()
        .filter(Column::UserId.eq(user_id))
        .order_by_desc(Column::IsDefaultShipping)
        .order_by_asc(Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(to_view)
        .collect())
}

fn to_view(m: address::Model) -> Address {
    Address {
        id: m.public_id,
        full_name: m.full_name,
        company: m.company,
        line1: m.line1,
        line2: m.line2,
        city: m.city,
        region: m.region,
        postal_code: m.postal_code,
        country: m.country,
        phone: m.phone,
        is_default_shipping: m.is_default_shipping,
        is_default_billing: m.is_default_billing,
    }
}

/// Only one default of each kind: clear the others before setting this one.
async fn clear_defaults<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    input: &AddressInput,
) -> Result<()> {
    if input.is_default_shipping {
        AddressEntity::update_many()
            .col_expr(Column::IsDefaultShipping, Expr::value(false))
            .filter(Column::UserId.eq(user_id))
            .exec(conn)
            .await?;
    }
    if input.is_default_billing {
        AddressEntity::update_many()
            .col_expr(Column::IsDefaultBilling, Expr::value(false))
            .filter(Column::UserId.eq(user_id))
            .exec(conn)
            .await?;
    }
    Ok(())
}

impl Accounts {
    pub async fn addresses(&self, actor: &Actor) -> Result<Vec<Address>> {
        address_book(&self.db, actor.require_user()?).await
    }

    pub async fn add_address(&self, actor: &Actor, input: AddressInput) -> Result<Address> {
        let user_id = actor.require_user()?;
        let mut input = validate(&input)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let existing = AddressEntity::find()
            .filter(Column::UserId.eq(user_id))
            .all(&txn)
            .await?;
        if existing.len() >= MAX_ADDRESSES {
            return Err(Error::rule(
                "address",
                model::Said::new("error-address-book-full").number("max", MAX_ADDRESSES as i64),
            ));
        }
        // The first address is the default for both, so checkout always has one.
        if existing.is_empty() {
            input.is_default_shipping = true;
            input.is_default_billing = true;
        }
        clear_defaults(&txn, user_id, &input).await?;
        let now = now();
        let row = address::ActiveModel {
            public_id: Set(uuid::Uuid::new_v4().to_string()),
            user_id: Set(user_id),
            full_name: Set(input.full_name),
            company: Set(input.company),
            line1: Set(input.line1),
            line2: Set(input.line2),
            city: Set(input.city),
            region: Set(input.region),
            postal_code: Set(input.postal_code),
            country: Set(input.country),
            phone: Set(input.phone),
            is_default_shipping: Set(input.is_default_shipping),
            is_default_billing: Set(input.is_default_billing),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok(to_view(row))
    }

    pub async fn update_address(
        &self,
        actor: &Actor,
        id: &str,
        input: AddressInput,
    ) -> Result<Address> {
        let user_id = actor.require_user()?;
        let input = validate(&input)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let row = self.owned_address(&txn, user_id, id).await?;
        clear_defaults(&txn, user_id, &input).await?;
        let mut active: address::ActiveModel = row.into();
        active.full_name = Set(input.full_name);
        active.company = Set(input.company);
        active.line1 = Set(input.line1);
        active.line2 = Set(input.line2);
        active.city = Set(input.city);
        active.region = Set(input.region);
        active.postal_code = Set(input.postal_code);
        active.country = Set(input.country);
        active.phone = Set(input.phone);
        active.is_default_shipping = Set(input.is_default_shipping);
        active.is_default_billing = Set(input.is_default_billing);
        active.updated_at = Set(now());
        let row = active.update(&txn).await?;
        txn.commit().await?;
        Ok(to_view(row))
    }

    pub async fn delete_address(&self, actor: &Actor, id: &str) -> Result<()> {
        let user_id = actor.require_user()?;
        let txn = crate::db::begin_write(&self.db).await?;
        let row = self.owned_address(&txn, user_id, id).await?;
        AddressEntity::delete_by_id(row.id).exec(&txn).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn owned_address<C: ConnectionTrait>(
        &self,
        conn: &C,
        user_id: i32,
        id: &str,
    ) -> Result<address::Model> {
        // Someone else's address is "not found", never "forbidden": ids reveal nothing.
        AddressEntity::find()
            .filter(Column::PublicId.eq(id))
            .filter(Column::UserId.eq(user_id))
            .one(conn)
            .await?
            .ok_or(Error::not_found("address"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(country: &str, postal: &str, region: &str) -> AddressInput {
        AddressInput {
            full_name: "Ann Smith".into(),
            line1: "1 Main St".into(),
            city: "Springfield".into(),
            region: region.into(),
            postal_code: postal.into(),
            country: country.into(),
            ..Default::default()
        }
    }

    /// The fields a refusal names.
    fn fields(err: Error) -> Vec<String> {
        err.to_app_error()
            .issues
            .into_iter()
            .map(|i| i.field)
            .collect()
    }

    #[test]
    fn country_rules_apply() {
        assert!(validate(&input("US", "94103", "CA")).is_ok());
        let err = validate(&input("US", "94103", "")).unwrap_err();
        assert_eq!(fields(err), ["region"]);
        let err = validate(&input("DE", "ABC", "")).unwrap_err();
        assert!(
            err.user_message().contains("10115"),
            "{}",
            err.user_message()
        );
        assert_eq!(
            validate(&input("gb", "sw1a1aa", "")).unwrap().postal_code,
            "SW1A 1AA"
        );
        assert!(validate(&input("XX", "1", "")).is_err());
        let mut missing = input("FR", "75001", "");
        missing.line1 = "  ".into();
        assert_eq!(fields(validate(&missing).unwrap_err()), ["line1"]);
    }

    #[test]
    fn every_wrong_field_is_reported_at_once() {
        let mut bad = input("US", "ABC", "");
        bad.city = String::new();
        bad.phone = "call me".into();
        let err = validate(&bad).unwrap_err();
        assert!(
            err.user_message().contains("marked"),
            "{}",
            err.user_message()
        );
        assert_eq!(fields(err), ["region", "postal_code", "city", "phone"]);
    }
}
