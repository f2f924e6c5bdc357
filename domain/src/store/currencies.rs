//! The currencies the shop sells in beside its base one: read into
//! [`super::Current`], saved by staff with the `settings` permission.
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QueryOrder, Set};
use time::OffsetDateTime;

use super::{Currencies, PresentmentInput, Store};
use crate::accounts::{Actor, Permission};
use crate::entities::currency;
use crate::money::Currency;
use crate::{Error, Result};
use model::fx::{Presentment, Rate};

pub(super) async fn load<C: ConnectionTrait>(conn: &C, base: Currency) -> Result<Currencies> {
    let rows = currency::Entity::find()
        .order_by_asc(currency::Column::Position)
        .order_by_asc(currency::Column::Code)
        .all(conn)
        .await?;
    let others = rows
        .iter()
        .filter_map(|r| {
            // Rows are written by `save` only; one that does not read is
            // left out (and logged) rather than failing every page.
            let read = || -> Option<Presentment> {
                Some(Presentment {
                    currency: r.code.parse().ok()?,
                    rate: Rate::from_e9(r.rate_e9)?,
                    rounding: r.rounding.parse().ok()?,
                })
            };
            let p = read();
            if p.is_none() {
                tracing::error!(code = %r.code, "unreadable currency row left out");
            }
            p.filter(|p| p.currency != base)
        })
        .collect();
    Ok(Currencies { base, others })
}

/// The form's rows checked: known currencies other than the base, each
/// once, a positive rate and a known rounding rule.
fn read(base: Currency, rows: &[PresentmentInput]) -> Result<Vec<Presentment>> {
    let mut out: Vec<Presentment> = Vec::new();
    for row in rows.iter().filter(|r| !r.currency.trim().is_empty()) {
        let currency: Currency = row.currency.parse().map_err(|_| {
            Error::validation(
                "currencies",
                format!("{} is not a currency the shop knows.", row.currency.trim()),
            )
        })?;
        if currency == base {
            return Err(Error::validation(
                "currencies",
                format!(
                    "{} is the base currency: its prices are the ones you set.",
                    currency.code()
                ),
            ));
        }
        if out.iter().any(|p| p.currency == currency) {
            return Err(Error::validation(
                "currencies",
                format!("{} is listed twice.", currency.code()),
            ));
        }
        let rate = Rate::parse(&row.rate).ok_or_else(|| {
            Error::validation(
                "currencies",
                format!(
                    "Enter how many {} one {} buys, as a number such as 0.92.",
                    currency.code(),
                    base.code()
                ),
            )
        })?;
        let rounding = row.rounding.parse().map_err(|_| {
            Error::validation("currencies", "Choose how converted prices are rounded.")
        })?;
        out.push(Presentment {
            currency,
            rate,
            rounding,
        });
    }
    Ok(out)
}

impl Store {
    /// The currencies the shop sells in, for the settings page.
    pub fn currencies(&self, actor: &Actor) -> Result<std::sync::Arc<Currencies>> {
        actor.require(Permission::Settings)?;
        Ok(self.current.currencies())
    }

    /// Replaces the currencies the shop sells in beside its base one.
    /// Audited; every page showing a price is evicted by the change feed.
    pub async fn save_currencies(
        &self,
        actor: &Actor,
        rows: &[PresentmentInput],
    ) -> Result<Currencies> {
        actor.require(Permission::Settings)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let base = super::base_currency(&txn).await?;
        let next = Currencies {
            base,
            others: read(base, rows)?,
        };
        let before = load(&txn, base).await?;
        if before == next {
            return Ok(before);
        }
        currency::Entity::delete_many().exec(&txn).await?;
        let now = OffsetDateTime::now_utc();
        for (position, p) in next.others.iter().enumerate() {
            currency::ActiveModel {
                code: Set(p.currency.code().to_owned()),
                rate_e9: Set(p.rate.e9()),
                rounding: Set(p.rounding.as_str().to_owned()),
                position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?;
        }
        // Every converted price moved: where each product sorts in each
        // currency, in the listings and in the search index.
        crate::catalog::shown_prices::refresh_all(&txn).await?;
        crate::search::sync::enqueue_all(&txn).await?;
        crate::audit::record(
            &txn,
            actor,
            "settings.currencies",
            "store",
            "currencies",
            Some(described(&before)),
            Some(described(&next)),
        )
        .await?;
        txn.commit().await?;
        self.current.set_currencies(next.clone());
        Ok(next)
    }
}

fn described(c: &Currencies) -> serde_json::Value {
    c.others
        .iter()
        .map(|p| {
            (
                p.currency.code().to_owned(),
                serde_json::Value::String(format!("{} ({})", p.rate, p.rounding.as_str())),
            )
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// What a currency change leaves of the others: rates were against the old
/// base, so they go (the admin sets them again); list prices in the new
/// base would shadow its own prices, so they go too.
pub(super) async fn drop_for_new_base<C: ConnectionTrait>(conn: &C, base: Currency) -> Result<()> {
    use sea_orm::{ColumnTrait, QueryFilter};
    currency::Entity::delete_many().exec(conn).await?;
    crate::entities::variant_price::Entity::delete_many()
        .filter(crate::entities::variant_price::Column::Currency.eq(base.code()))
        .exec(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::fx::Rounding;

    fn row(c: &str, rate: &str, rounding: &str) -> PresentmentInput {
        PresentmentInput {
            currency: c.into(),
            rate: rate.into(),
            rounding: rounding.into(),
        }
    }

    #[test]
    fn rows_are_checked_one_by_one() {
        let ok = read(
            Currency::Usd,
            &[row("eur", "0.92", "ninety_nine"), row("", "", "")],
        )
        .unwrap();
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].currency, Currency::Eur);
        assert_eq!(ok[0].rounding, Rounding::NinetyNine);
        for (bad, says) in [
            (vec![row("USD", "1", "exact")], "base currency"),
            (vec![row("XYZ", "1", "exact")], "not a currency"),
            (vec![row("EUR", "0", "exact")], "such as 0.92"),
            (vec![row("EUR", "1", "sometimes")], "rounded"),
            (
                vec![row("EUR", "1", "exact"), row("eur", "2", "exact")],
                "twice",
            ),
        ] {
            let e = read(Currency::Usd, &bad).unwrap_err().user_message();
            assert!(e.contains(says), "{e}");
        }
    }
}
