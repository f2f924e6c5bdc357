//! "Back in stock" and "price dropped" for saved variants. The stock and
//! price changes call in here inside their own transaction; each item's
//! state flips by a conditional UPDATE (`awaiting_stock` true → false, or
//! `price_seen_minor` lowered), so of two concurrent restocks only one
//! wins the row and writes the outbox row: one mail per item and event.
//! The outbox renders the mail when it delivers it ([`Wishlists::alert_mail`]),
//! and sends nothing if the shopper turned alerts off, the item left the
//! list or the news is stale (sold out again, price back up).
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::{Deserialize, Serialize};

use crate::entities::{user, variant, wishlist, wishlist_item};
use crate::mail::{MailKind, OutgoingMail};
use crate::{inventory, outbox, Result};

use super::Wishlists;

/// Outbox kind for alert mails.
pub const KIND_WISHLIST: &str = "wishlist";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WishlistAlert {
    pub item_id: i32,
    pub event: AlertEvent,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AlertEvent {
    BackInStock,
    PriceDrop { from_minor: i64, to_minor: i64 },
}

/// Items watching `variant_id` whose flag `filter` matches.
async fn watching<C: ConnectionTrait>(
    conn: &C,
    variant_id: i32,
    filter: sea_orm::Condition,
) -> Result<Vec<(i32, i64)>> {
    Ok(wishlist_item::Entity::find()
        .select_only()
        .column(wishlist_item::Column::Id)
        .column(wishlist_item::Column::PriceSeenMinor)
        .filter(wishlist_item::Column::VariantId.eq(variant_id))
        .filter(filter)
        .into_tuple()
        .all(conn)
        .await?)
}

/// After any stock change of `variant_id` (already applied): sold out arms
/// the items saved for it; back on the shelf disarms each armed item once
/// and queues its mail.
pub(crate) async fn stock_changed<C: ConnectionTrait>(conn: &C, variant_id: i32) -> Result<()> {
    let free = inventory::available(conn, &[variant_id])
        .await?
        .get(&variant_id)
        .copied()
        .unwrap_or(0);
    if free <= 0 {
        wishlist_item::Entity::update_many()
            .col_expr(wishlist_item::Column::AwaitingStock, Expr::value(true))
            .filter(wishlist_item::Column::VariantId.eq(variant_id))
            .filter(wishlist_item::Column::AwaitingStock.eq(false))
            .exec(conn)
            .await?;
        return Ok(());
    }
    let armed = sea_orm::Condition::all().add(wishlist_item::Column::AwaitingStock.eq(true));
    for (item_id, _) in watching(conn, variant_id, armed).await? {
        let won = wishlist_item::Entity::update_many()
            .col_expr(wishlist_item::Column::AwaitingStock, Expr::value(false))
            .filter(wishlist_item::Column::Id.eq(item_id))
            .filter(wishlist_item::Column::AwaitingStock.eq(true))
            .exec(conn)
            .await?;
        if won.rows_affected == 1 {
            let alert = WishlistAlert {
                item_id,
                event: AlertEvent::BackInStock,
            };
            outbox::enqueue(conn, KIND_WISHLIST, &alert).await?;
        }
    }
    Ok(())
}

/// After a variant's price changed to `price_minor`: each item that has not
/// been told of a price this low is told once.
pub(crate) async fn price_changed<C: ConnectionTrait>(
    conn: &C,
    variant_id: i32,
    price_minor: i64,
) -> Result<()> {
    let dearer =
        sea_orm::Condition::all().add(wishlist_item::Column::PriceSeenMinor.gt(price_minor));
    for (item_id, seen) in watching(conn, variant_id, dearer).await? {
        let won = wishlist_item::Entity::update_many()
            .col_expr(
                wishlist_item::Column::PriceSeenMinor,
                Expr::value(price_minor),
            )
            .filter(wishlist_item::Column::Id.eq(item_id))
            .filter(wishlist_item::Column::PriceSeenMinor.gt(price_minor))
            .exec(conn)
            .await?;
        if won.rows_affected == 1 {
            let event = AlertEvent::PriceDrop {
                from_minor: seen,
                to_minor: price_minor,
            };
            outbox::enqueue(conn, KIND_WISHLIST, &WishlistAlert { item_id, event }).await?;
        }
    }
    Ok(())
}

impl Wishlists {
    /// The mail for `alert` as things are now, or None when there is
    /// nothing to say (or nobody to say it to).
    pub async fn alert_mail(&self, alert: &WishlistAlert) -> Result<Option<OutgoingMail>> {
        let db = &self.db;
        let Some(item) = wishlist_item::Entity::find_by_id(alert.item_id)
            .one(db)
            .await?
        else {
            return Ok(None);
        };
        let Some(list) = wishlist::Entity::find_by_id(item.wishlist_id)
            .one(db)
            .await?
            .filter(|l| l.alerts)
        else {
            return Ok(None);
        };
        let Some(customer) = match list.user_id {
            Some(id) => user::Entity::find_by_id(id).one(db).await?,
            None => None,
        }
        .filter(|u| u.erased_at.is_none() && u.disabled_at.is_none()) else {
            return Ok(None);
        };
        let Some(v) = variant::Entity::find_by_id(item.variant_id).one(db).await? else {
            return Ok(None);
        };
        // The line as the list shows it: only while the product is sold,
        // with its stock, in the customer's language and in the currency
        // they last saved to this list in (its list price, else converted).
        let locale = model::Locale::from_tag(&customer.locale).unwrap_or_default();
        let currencies = self.store.currencies();
        let currency = currencies.served_in(list.currency.as_deref().and_then(|c| c.parse().ok()));
        let which = super::lines::Which::Item(item.id);
        let Some(line) = super::lines::load(db, list.id, which, &currencies, currency, locale)
            .await?
            .pop()
        else {
            return Ok(None);
        };
        let (kind, was) = match alert.event {
            AlertEvent::BackInStock if line.in_stock => (MailKind::WishlistBackInStock, None),
            AlertEvent::PriceDrop {
                from_minor,
                to_minor,
            } if v.price_minor <= to_minor => {
                // Converted and rounded, the drop may no longer show.
                let Some(was) = currencies
                    .price(from_minor, None, line.price.currency)
                    .filter(|was| was.minor > line.price.minor)
                else {
                    return Ok(None);
                };
                (MailKind::WishlistPriceDrop, Some(was))
            }
            _ => return Ok(None),
        };
        let t = &self.templates;
        let link = |path: &str| t.link_in(locale.code(), path);
        let vars = context! {
            locale => locale.code(),
            item => context! {
                title => &line.product_title,
                variant_title => &line.variant_title,
                url => link(&format!("/product/{}", line.product_slug)),
                price => line.price,
                was => was,
            },
            wishlist_url => link("/wishlist"),
            alerts_off_url => link(&format!("/wishlist/alerts-off?token={}", list.alerts_token)),
        };
        Ok(Some(t.render(kind, &customer.email, vars)?))
    }
}
