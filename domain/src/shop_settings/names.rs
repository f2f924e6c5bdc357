//! A shipping method's name in the languages other than the catalog's
//! (English), as staff write them on the settings page; checkout shows the
//! shopper's, and the order keeps the name it was bought under.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use crate::entities::shipping_method_name as row;
use crate::error::Issues;
use crate::owned_rows;
use crate::{Error, Result};
use model::settings::NameInLocale;
use model::Locale;

/// As long as the English name may be.
pub(super) const MAX_NAME: usize = 80;

/// A method's name in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingName {
    pub locale: Locale,
    pub name: String,
}

/// The form's rows read, a row in a language the shop does not speak (or
/// twice) named (`names.0.name`); [`checked`] trims and bounds the names.
pub(crate) fn read(rows: &[NameInLocale], issues: &mut Issues) -> Result<Vec<ShippingName>> {
    if rows.len() > Locale::ALL.len() {
        return Err(Error::validation("names", "Too many languages."));
    }
    let mut out: Vec<ShippingName> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let locale = Locale::from_tag(&r.locale).filter(|l| *l != Locale::En);
        match locale.filter(|l| out.iter().all(|n| n.locale != *l)) {
            Some(locale) => out.push(ShippingName {
                locale,
                name: r.name.clone(),
            }),
            None => issues.push(
                &format!("names.{i}.name"),
                "Choose another language the shop speaks.",
            ),
        }
    }
    Ok(out)
}

/// `names` as a method keeps them: trimmed, English and empty ones dropped,
/// one per language.
pub(super) fn checked(names: Vec<ShippingName>) -> Result<Vec<ShippingName>> {
    let mut out: Vec<ShippingName> = Vec::new();
    for n in names {
        let name = n.name.trim();
        if name.chars().count() > MAX_NAME {
            return Err(Error::validation(
                "names",
                format!("Keep the name to {MAX_NAME} characters."),
            ));
        }
        if n.locale != Locale::En && !name.is_empty() && out.iter().all(|o| o.locale != n.locale) {
            out.push(ShippingName {
                locale: n.locale,
                name: name.to_owned(),
            });
        }
    }
    Ok(out)
}

/// The form's rows: one per language besides English.
pub(crate) fn write(set: &[ShippingName]) -> Vec<NameInLocale> {
    Locale::others()
        .map(|locale| NameInLocale {
            locale: locale.code().to_owned(),
            name: set
                .iter()
                .find(|n| n.locale == locale)
                .map(|n| n.name.clone())
                .unwrap_or_default(),
        })
        .collect()
}

/// Replaces the method's names with `names`.
pub(super) async fn replace<C: ConnectionTrait>(
    conn: &C,
    method_id: i32,
    names: &[ShippingName],
) -> Result<()> {
    let rows = names
        .iter()
        .map(|n| row::ActiveModel {
            shipping_method_id: Set(method_id),
            locale: Set(n.locale.code().to_owned()),
            name: Set(n.name.clone()),
        })
        .collect();
    owned_rows::replace::<row::Entity, _>(conn, row::Column::ShippingMethodId, method_id, rows)
        .await
}

/// The names of method `id` (every method's when `None`), by method id.
pub(super) async fn of<C: ConnectionTrait>(
    conn: &C,
    id: Option<i32>,
) -> Result<HashMap<i32, Vec<ShippingName>>> {
    owned_rows::by_parent::<row::Entity, _, _>(conn, row::Column::ShippingMethodId, id, |r| {
        let locale = Locale::from_tag(&r.locale)?;
        Some((
            r.shipping_method_id,
            ShippingName {
                locale,
                name: r.name,
            },
        ))
    })
    .await
}

/// The names written in `locale`, by method id (checkout's lookup); none
/// for English, which is the methods' own.
pub async fn in_locale<C: ConnectionTrait>(
    conn: &C,
    locale: Locale,
) -> Result<HashMap<i32, String>> {
    if locale == Locale::En {
        return Ok(HashMap::new());
    }
    Ok(row::Entity::find()
        .filter(row::Column::Locale.eq(locale.code()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.shipping_method_id, r.name))
        .collect())
}
