//! Carts: a guest's cart is found through their session (its public id), a
//! customer's by their user id; at sign-in the guest cart merges into the
//! customer's. Quantities are checked against stock and a per-line limit;
//! prices are never stored here — every view prices the lines anew from the
//! catalog.
mod lines;
pub mod reminders;

use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use time::OffsetDateTime;

use std::sync::Arc;

use crate::accounts::held::HeldAccounts;
use crate::entities::{cart, cart_item, variant};
use crate::money::Money;
use crate::{inventory, Error, Result};

pub(crate) use lines::{
    in_currency, in_locale, listed_price, product_title_in_locale, variant_image_and_free,
};
pub use lines::{load_lines, CartLine};

/// Most units of one variant in one cart.
pub const MAX_PER_LINE: i64 = 10;

/// Whose cart: a signed-in customer's, or the guest cart named in a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CartOwner {
    User(i32),
    Guest(Option<String>),
}

pub use model::commerce::CartView;

#[derive(Clone)]
pub struct Carts {
    db: DatabaseConnection,
    currencies: Arc<crate::store::Currencies>,
    /// What this cart is priced in: one the shop sells in.
    currency: crate::Currency,
    /// The language of its lines' titles.
    locale: model::Locale,
    held: Option<Arc<HeldAccounts>>,
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

impl Carts {
    pub fn new(
        db: DatabaseConnection,
        currencies: Arc<crate::store::Currencies>,
        currency: crate::Currency,
    ) -> Self {
        let currency = currencies.served_in(Some(currency));
        Self {
            db,
            currencies,
            currency,
            locale: model::Locale::default(),
            held: None,
        }
    }

    /// Titles the lines in `locale` where the product is translated.
    pub fn speaking(mut self, locale: model::Locale) -> Self {
        self.locale = locale;
        self
    }

    pub(crate) fn holding(mut self, held: Option<Arc<HeldAccounts>>) -> Self {
        self.held = held;
        self
    }

    /// The owner's active cart, newest first; none for a guest without one.
    fn select(owner: &CartOwner) -> Option<sea_orm::Select<cart::Entity>> {
        let query = cart::Entity::find().filter(cart::Column::Status.eq("active"));
        let query = match owner {
            CartOwner::User(id) => query.filter(cart::Column::UserId.eq(*id)),
            CartOwner::Guest(Some(public_id)) => query
                .filter(cart::Column::PublicId.eq(public_id.as_str()))
                .filter(cart::Column::UserId.is_null()),
            CartOwner::Guest(None) => return None,
        };
        Some(query.order_by_desc(cart::Column::Id))
    }

    pub async fn find<C: ConnectionTrait>(
        conn: &C,
        owner: &CartOwner,
    ) -> Result<Option<cart::Model>> {
        match Self::select(owner) {
            Some(query) => Ok(query.one(conn).await?),
            None => Ok(None),
        }
    }

    /// The owner's cart, created if there is none. The owner is locked
    /// until `txn` ends, so two adds for one owner take turns and cannot
    /// both create a cart.
    async fn ensure<C: ConnectionTrait>(&self, txn: &C, owner: &CartOwner) -> Result<cart::Model> {
        let found = match Self::select(owner) {
            Some(query) => {
                let key = match owner {
                    CartOwner::User(id) => format!("cart:user:{id}"),
                    CartOwner::Guest(id) => {
                        format!("cart:guest:{}", id.as_deref().unwrap_or_default())
                    }
                };
                crate::db::lock_key(txn, &key).await?;
                query.one(txn).await?
            }
            None => None,
        };
        if let Some(cart) = found {
            if cart.currency == self.currency.code() {
                return Ok(cart);
            }
            // The currency the shopper now shops in (reminders quote it).
            let mut moved: cart::ActiveModel = cart.into();
            moved.currency = Set(self.currency.code().to_owned());
            return Ok(moved.update(txn).await?);
        }
        let now = now();
        Ok(cart::ActiveModel {
            public_id: Set(uuid::Uuid::new_v4().to_string()),
            user_id: Set(match owner {
                CartOwner::User(id) => Some(*id),
                CartOwner::Guest(_) => None,
            }),
            currency: Set(self.currency.code().to_owned()),
            status: Set("active".to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?)
    }

    /// The owner's cart, priced now; a customer's is held between changes
    /// when the server holds them.
    pub async fn view(&self, owner: &CartOwner) -> Result<CartView> {
        let held = match (owner, &self.held) {
            (CartOwner::User(user), Some(held)) => Some((*user, held)),
            _ => None,
        };
        // A cart is held in the currency and language it was last shown in.
        if let Some(cart) = held
            .and_then(|(user, held)| held.cart(user))
            .filter(|held| held.1.subtotal.currency == self.currency && held.0 == self.locale)
        {
            return Ok(cart.1.clone());
        }
        let epoch = held.map(|(_, held)| held.epochs.begin());
        let (id, lines) = lines::load_owned_lines(
            &self.db,
            owner,
            &self.currencies,
            self.currency,
            self.locale,
        )
        .await?;
        let view = self.summed(id, lines);
        if let (Some((user, held)), Some(epoch)) = (held, epoch) {
            held.keep_cart(user, epoch, self.locale, view.clone());
        }
        Ok(view)
    }

    /// A new, empty guest cart; its id is the only key to it (the REST
    /// API's carts).
    pub async fn open_guest(&self) -> Result<CartView> {
        let cart = self.ensure(&self.db, &CartOwner::Guest(None)).await?;
        Ok(self.summed(Some(cart.public_id), Vec::new()))
    }

    async fn view_of(&self, cart: cart::Model) -> Result<CartView> {
        let lines = load_lines(
            &self.db,
            cart.id,
            &self.currencies,
            self.currency,
            self.locale,
        )
        .await?;
        Ok(self.summed(Some(cart.public_id), lines))
    }

    fn summed(&self, id: Option<String>, lines: Vec<CartLine>) -> CartView {
        let subtotal = lines.iter().map(|l| l.line_total.minor).sum();
        let item_count = lines.iter().map(|l| l.quantity).sum();
        CartView {
            id,
            lines,
            subtotal: Money::new(subtotal, self.currency),
            item_count,
        }
    }

    async fn variant_by_sku(&self, sku: &str) -> Result<variant::Model> {
        variant::Entity::find()
            .filter(variant::Column::Sku.eq(sku.trim()))
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("product"))
    }

    /// How many of a variant may be in a cart now.
    async fn limit<C: ConnectionTrait>(conn: &C, variant_id: i32) -> Result<i64> {
        let free = inventory::available(conn, &[variant_id])
            .await?
            .get(&variant_id)
            .copied()
            .unwrap_or(0);
        Ok(free.min(MAX_PER_LINE))
    }

    fn check(quantity: i64, limit: i64) -> Result<()> {
        if quantity < 1 {
            return Err(Error::rule(
                "quantity",
                model::Said::new("error-cart-quantity"),
            ));
        }
        if limit == 0 {
            return Err(Error::Clash(model::Said::new("error-cart-out-of-stock")));
        }
        if quantity > limit {
            let why = if limit == MAX_PER_LINE {
                model::Said::new("error-cart-per-order").number("max", MAX_PER_LINE)
            } else {
                model::Said::new("error-cart-only-left").number("count", limit)
            };
            return Err(Error::rule("quantity", why));
        }
        Ok(())
    }

    /// Adds units of a variant (by SKU); returns the cart, now existing.
    /// One write transaction: the cart, the line and the cart's timestamp
    /// change together, and the line's limit is checked against what the
    /// transaction sees (no second add to the same cart in between).
    pub async fn add(&self, owner: &CartOwner, sku: &str, quantity: i64) -> Result<CartView> {
        let variant = self.variant_by_sku(sku).await?;
        // The amount added is checked on its own first: adding 0 or a
        // negative number is not a way to change a line.
        Self::check(quantity, MAX_PER_LINE)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let cart = self.ensure(&txn, owner).await?;
        let existing = cart_item::Entity::find()
            .filter(cart_item::Column::CartId.eq(cart.id))
            .filter(cart_item::Column::VariantId.eq(variant.id))
            .one(&txn)
            .await?
            .map(|i| i64::from(i.quantity))
            .unwrap_or(0);
        Self::check(existing + quantity, Self::limit(&txn, variant.id).await?)?;
        // quantity ≤ MAX_PER_LINE here, so the conversion cannot fail.
        let qty = i32::try_from(quantity).unwrap_or(1);
        cart_item::Entity::insert(cart_item::ActiveModel {
            cart_id: Set(cart.id),
            variant_id: Set(variant.id),
            quantity: Set(qty),
            created_at: Set(now()),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([cart_item::Column::CartId, cart_item::Column::VariantId])
                .value(
                    cart_item::Column::Quantity,
                    sea_orm::sea_query::ExprTrait::add(
                        Expr::col((cart_item::Entity, cart_item::Column::Quantity)),
                        qty,
                    ),
                )
                .to_owned(),
        )
        .exec(&txn)
        .await?;
        Self::touch(&txn, cart.id).await?;
        txn.commit().await?;
        self.view_of(cart).await
    }

    /// Sets a line's quantity; 0 removes it.
    pub async fn set_quantity(
        &self,
        owner: &CartOwner,
        sku: &str,
        quantity: i64,
    ) -> Result<CartView> {
        let cart = Self::find(&self.db, owner)
            .await?
            .ok_or(Error::not_found("cart"))?;
        let variant = self.variant_by_sku(sku).await?;
        if quantity <= 0 {
            cart_item::Entity::delete_many()
                .filter(cart_item::Column::CartId.eq(cart.id))
                .filter(cart_item::Column::VariantId.eq(variant.id))
                .exec(&self.db)
                .await?;
        } else {
            Self::check(quantity, Self::limit(&self.db, variant.id).await?)?;
            let res = cart_item::Entity::update_many()
                .col_expr(cart_item::Column::Quantity, Expr::value(quantity as i32))
                .filter(cart_item::Column::CartId.eq(cart.id))
                .filter(cart_item::Column::VariantId.eq(variant.id))
                .exec(&self.db)
                .await?;
            if res.rows_affected == 0 {
                return Err(Error::not_found("item in your cart"));
            }
        }
        Self::touch(&self.db, cart.id).await?;
        self.view_of(cart).await
    }

    async fn touch<C: ConnectionTrait>(conn: &C, cart_id: i32) -> Result<()> {
        cart::Entity::update_many()
            .col_expr(cart::Column::UpdatedAt, Expr::value(now()))
            .filter(cart::Column::Id.eq(cart_id))
            .exec(conn)
            .await?;
        Ok(())
    }

    /// At sign-in: the guest cart's lines join the customer's cart (quantities
    /// summed, capped by stock and the line limit); the guest cart is closed.
    pub async fn merge(&self, guest_public_id: &str, user_id: i32) -> Result<()> {
        let Some(guest) = Self::find(
            &self.db,
            &CartOwner::Guest(Some(guest_public_id.to_owned())),
        )
        .await?
        else {
            return Ok(());
        };
        let guest_items = cart_item::Entity::find()
            .filter(cart_item::Column::CartId.eq(guest.id))
            .all(&self.db)
            .await?;
        if guest_items.is_empty() {
            return Ok(());
        }
        let txn = crate::db::begin_write(&self.db).await?;
        let target = self.ensure(&txn, &CartOwner::User(user_id)).await?;
        let variant_ids: Vec<i32> = guest_items.iter().map(|i| i.variant_id).collect();
        let free = inventory::available(&txn, &variant_ids).await?;
        for item in guest_items {
            let existing = cart_item::Entity::find()
                .filter(cart_item::Column::CartId.eq(target.id))
                .filter(cart_item::Column::VariantId.eq(item.variant_id))
                .one(&txn)
                .await?;
            let cap = free
                .get(&item.variant_id)
                .copied()
                .unwrap_or(0)
                .min(MAX_PER_LINE);
            let have = existing
                .as_ref()
                .map(|e| i64::from(e.quantity))
                .unwrap_or(0);
            let merged = (have + i64::from(item.quantity)).min(cap) as i32;
            match existing {
                Some(e) if merged > 0 => {
                    let mut a: cart_item::ActiveModel = e.into();
                    a.quantity = Set(merged);
                    a.update(&txn).await?;
                }
                None if merged > 0 => {
                    cart_item::ActiveModel {
                        cart_id: Set(target.id),
                        variant_id: Set(item.variant_id),
                        quantity: Set(merged),
                        created_at: Set(now()),
                        ..Default::default()
                    }
                    .insert(&txn)
                    .await?;
                }
                _ => {}
            }
        }
        cart::Entity::update_many()
            .col_expr(cart::Column::Status, Expr::value("merged"))
            .col_expr(cart::Column::UpdatedAt, Expr::value(now()))
            .filter(cart::Column::Id.eq(guest.id))
            .exec(&txn)
            .await?;
        Self::touch(&txn, target.id).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Carts with items left untouched for `idle`: abandoned, for follow-up
    /// (staff with `analytics`).
    pub async fn abandoned(&self, actor: &crate::accounts::Actor, idle_hours: i64) -> Result<u64> {
        actor.require(crate::accounts::Permission::Analytics)?;
        let idle = time::Duration::hours(idle_hours.clamp(1, 24 * 365));
        use sea_orm::sea_query::Query;
        Ok(cart::Entity::find()
            .filter(cart::Column::Status.eq("active"))
            .filter(cart::Column::UpdatedAt.lt(now() - idle))
            .filter(
                cart::Column::Id.in_subquery(
                    Query::select()
                        .column(cart_item::Column::CartId)
                        .from(cart_item::Entity)
                        .to_owned(),
                ),
            )
            .count(&self.db)
            .await?)
    }
}
