//! The carriers staff ship with: a name and a tracking link template with
//! `{tracking}` where the number goes (empty: the parcel shows no link).
//! A carrier that has carried a parcel stays (its parcels name it), and so
//! does [`DEFAULT_CARRIER`].
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;

use super::ShopSettings;
use crate::accounts::{Actor, Permission};
use crate::entities::{carrier, shipment};
use crate::{Error, Result};
use model::commerce::Carrier;

/// The carrier of a parcel whose sender names none (the REST ship call),
/// and of parcels from before carriers existed (migration 000022).
pub const DEFAULT_CARRIER: &str = "other";

/// Where a carrier's tracking link takes the parcel's number.
pub(crate) const PLACEHOLDER: &str = "{tracking}";

fn check(c: &mut Carrier) -> Result<()> {
    c.code = super::code(&c.code)?;
    c.name = c.name.trim().to_owned();
    c.tracking_url = c.tracking_url.trim().to_owned();
    if c.name.is_empty() || c.name.chars().count() > 80 {
        return Err(Error::validation(
            "name",
            "Give the carrier the name customers know it by.",
        ));
    }
    let url = &c.tracking_url;
    let url_ok = url.is_empty()
        || (url.len() <= 300
            && url.starts_with("https://")
            && url.matches(PLACEHOLDER).count() == 1
            && !url
                .chars()
                .any(|ch| ch.is_whitespace() || ch == '"' || ch == '<' || ch == '>'));
    if !url_ok {
        return Err(Error::validation(
            "tracking_url",
            "A tracking link starts with https:// and has {tracking} once where the number goes (or leave it empty).",
        ));
    }
    Ok(())
}

fn view(c: &carrier::Model) -> Carrier {
    Carrier {
        code: c.code.clone(),
        name: c.name.clone(),
        tracking_url: c.tracking_url.clone(),
    }
}

impl ShopSettings {
    pub async fn list_carriers(&self, actor: &Actor) -> Result<Vec<Carrier>> {
        actor.require(Permission::Settings)?;
        all(&self.db).await
    }

    /// Creates (`original` empty) or changes a carrier.
    pub async fn save_carrier(
        &self,
        actor: &Actor,
        original: &str,
        mut input: Carrier,
    ) -> Result<()> {
        actor.require(Permission::Settings)?;
        check(&mut input)?;
        let txn = crate::db::begin_write(&self.db).await?;
        crate::db::lock_key(&txn, "carriers").await?;
        let taken = carrier::Entity::find()
            .filter(carrier::Column::Code.eq(&input.code))
            .filter(carrier::Column::Code.ne(original.trim()))
            .count(&txn)
            .await?;
        if taken > 0 {
            return Err(Error::validation(
                "code",
                format!("The code {} is taken.", input.code),
            ));
        }
        let before = if original.trim().is_empty() {
            None
        } else {
            Some(
                carrier::Entity::find()
                    .filter(carrier::Column::Code.eq(original.trim()))
                    .one(&txn)
                    .await?
                    .ok_or(Error::not_found("carrier"))?,
            )
        };
        let mut row = carrier::ActiveModel {
            code: Set(input.code.clone()),
            name: Set(input.name.clone()),
            tracking_url: Set(input.tracking_url.clone()),
            ..Default::default()
        };
        match &before {
            Some(b) => {
                row.id = Set(b.id);
                row.update(&txn).await?;
            }
            None => {
                row.created_at = Set(time::OffsetDateTime::now_utc());
                row.insert(&txn).await?;
            }
        }
        crate::audit::record(
            &txn,
            actor,
            if before.is_some() {
                "carrier.update"
            } else {
                "carrier.create"
            },
            "carrier",
            &input.code,
            before.as_ref().map(|b| json!(view(b))),
            Some(json!(input)),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Removes a carrier no parcel names.
    pub async fn delete_carrier(&self, actor: &Actor, code: &str) -> Result<()> {
        actor.require(Permission::Settings)?;
        let txn = crate::db::begin_write(&self.db).await?;
        crate::db::lock_key(&txn, "carriers").await?;
        let c = carrier::Entity::find()
            .filter(carrier::Column::Code.eq(code.trim()))
            .one(&txn)
            .await?
            .ok_or(Error::not_found("carrier"))?;
        if c.code == DEFAULT_CARRIER {
            return Err(Error::Conflict(format!(
                "{} stays: parcels sent without a carrier use it. Rename it instead.",
                c.name
            )));
        }
        let used = shipment::Entity::find()
            .filter(shipment::Column::CarrierId.eq(c.id))
            .count(&txn)
            .await?;
        if used > 0 {
            return Err(Error::Conflict(format!(
                "{} has carried parcels, so it stays: their tracking names it.",
                c.name
            )));
        }
        carrier::Entity::delete_by_id(c.id).exec(&txn).await?;
        crate::audit::record(
            &txn,
            actor,
            "carrier.delete",
            "carrier",
            &c.code,
            Some(json!(view(&c))),
            None,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

/// The carriers, by name.
pub(crate) async fn all<C: sea_orm::ConnectionTrait>(conn: &C) -> Result<Vec<Carrier>> {
    Ok(carrier::Entity::find()
        .order_by_asc(carrier::Column::Name)
        .all(conn)
        .await?
        .iter()
        .map(view)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str, name: &str, url: &str) -> Carrier {
        Carrier {
            code: code.into(),
            name: name.into(),
            tracking_url: url.into(),
        }
    }

    #[test]
    fn links_are_https_with_one_placeholder() {
        assert!(check(&mut c("gls", "GLS", "https://gls.example/t/{tracking}")).is_ok());
        assert!(check(&mut c("local", "Our van", "")).is_ok());
        for bad in [
            "http://gls.example/{tracking}",
            "https://gls.example/",
            "https://gls.example/{tracking}/{tracking}",
            "javascript:alert(1)//{tracking}",
            "https://gls.example/\"><script>{tracking}",
        ] {
            assert!(check(&mut c("gls", "GLS", bad)).is_err(), "{bad}");
        }
        assert!(check(&mut c("g", "GLS", "")).is_err(), "code too short");
        assert!(check(&mut c("gls", " ", "")).is_err(), "no name");
        let mut upper = c(" GLS ", " GLS ", "");
        assert!(check(&mut upper).is_ok());
        assert_eq!((upper.code.as_str(), upper.name.as_str()), ("gls", "GLS"));
    }
}
