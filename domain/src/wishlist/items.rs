//! Saving and removing items, the merge at sign-in and "move to cart".
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::cart::{CartOwner, Carts};
use crate::entities::{product, variant, wishlist, wishlist_item};
use crate::{inventory, Currency, Error, Result};

use super::{ensure, find, now, WishlistView, Wishlists, MAX_ITEMS};

/// The variant a save or removal names: `sku` when given (it must belong to
/// the product), else the product's first. Only what the shop sells.
async fn pick<C: ConnectionTrait>(
    conn: &C,
    slug: &str,
    sku: Option<&str>,
) -> Result<(product::Model, Option<variant::Model>)> {
    let p = product::Entity::find()
        .filter(product::Column::Slug.eq(slug.trim()))
        .filter(product::Column::Status.eq("active"))
        .one(conn)
        .await?
        .ok_or(Error::not_found("product"))?;
    let query = variant::Entity::find().filter(variant::Column::ProductId.eq(p.id));
    let v = match sku.map(str::trim).filter(|s| !s.is_empty()) {
        Some(sku) => Some(
            query
                .filter(variant::Column::Sku.eq(sku))
                .one(conn)
                .await?
                .ok_or(Error::not_found("variant"))?,
        ),
        None => {
            query
                .order_by_asc(variant::Column::Position)
                .order_by_asc(variant::Column::Id)
                .one(conn)
                .await?
        }
    };
    Ok((p, v))
}

/// One item, unless the list has it already (the key is list + variant).
async fn insert<C: ConnectionTrait>(
    conn: &C,
    wishlist_id: i32,
    item: wishlist_item::ActiveModel,
) -> Result<()> {
    let mut item = item;
    item.wishlist_id = Set(wishlist_id);
    wishlist_item::Entity::insert(item)
        .on_conflict(
            OnConflict::columns([
                wishlist_item::Column::WishlistId,
                wishlist_item::Column::VariantId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

async fn count<C: ConnectionTrait>(conn: &C, wishlist_id: i32) -> Result<u64> {
    Ok(wishlist_item::Entity::find()
        .filter(wishlist_item::Column::WishlistId.eq(wishlist_id))
        .count(conn)
        .await?)
}

fn full() -> Error {
    Error::rule(
        "wishlist",
        model::Said::new("error-wishlist-full").number("max", MAX_ITEMS as i64),
    )
}

impl Wishlists {
    /// Saves a product (its first variant, or `sku`). Saving it again
    /// changes nothing.
    pub async fn save(
        &self,
        owner: &CartOwner,
        slug: &str,
        sku: Option<&str>,
    ) -> Result<WishlistView> {
        let txn = crate::db::begin_write(&self.db).await?;
        let (p, v) = pick(&txn, slug, sku).await?;
        let v = v.ok_or(Error::not_found("variant"))?;
        let list = ensure(&txn, owner).await?;
        self.remember_currency(&txn, &list).await?;
        let already = wishlist_item::Entity::find()
            .filter(wishlist_item::Column::WishlistId.eq(list.id))
            .filter(wishlist_item::Column::VariantId.eq(v.id))
            .count(&txn)
            .await?
            > 0;
        if !already {
            if count(&txn, list.id).await? >= MAX_ITEMS as u64 {
                return Err(full());
            }
            let free = inventory::available(&txn, &[v.id]).await?;
            let item = wishlist_item::ActiveModel {
                product_id: Set(p.id),
                variant_id: Set(v.id),
                price_saved_minor: Set(v.price_minor),
                price_seen_minor: Set(v.price_minor),
                awaiting_stock: Set(free.get(&v.id).copied().unwrap_or(0) <= 0),
                created_at: Set(now()),
                ..Default::default()
            };
            insert(&txn, list.id, item).await?;
            touch(&txn, list.id).await?;
        }
        txn.commit().await?;
        self.view_of(&list, owner).await
    }

    /// Removes `sku`, or every variant of the product when none is named.
    pub async fn remove(
        &self,
        owner: &CartOwner,
        slug: &str,
        sku: Option<&str>,
    ) -> Result<WishlistView> {
        let Some(list) = find(&self.db, owner).await? else {
            return self.read(owner).await;
        };
        let (p, v) = pick(&self.db, slug, sku).await?;
        let mut delete = wishlist_item::Entity::delete_many()
            .filter(wishlist_item::Column::WishlistId.eq(list.id))
            .filter(wishlist_item::Column::ProductId.eq(p.id));
        if let (Some(v), Some(_)) = (v, sku) {
            delete = delete.filter(wishlist_item::Column::VariantId.eq(v.id));
        }
        delete.exec(&self.db).await?;
        self.view_of(&list, owner).await
    }

    /// Puts one of `sku` in the cart and, once it is there, takes it off the
    /// list. Out of stock: the cart refuses and the list keeps it. A guest's
    /// cart and list have ids of their own, hence two owners. The cart
    /// comes back in `currency` (the shopper's).
    pub async fn move_to_cart(
        &self,
        owner: &CartOwner,
        cart_owner: &CartOwner,
        sku: &str,
        currency: Currency,
    ) -> Result<(WishlistView, model::commerce::CartView)> {
        let cart = Carts::new(self.db.clone(), self.store.currencies(), currency)
            .speaking(self.locale)
            .add(cart_owner, sku, 1)
            .await?;
        let Some(list) = find(&self.db, owner).await? else {
            return Ok((self.read(owner).await?, cart));
        };
        if let Some(v) = variant::Entity::find()
            .filter(variant::Column::Sku.eq(sku.trim()))
            .one(&self.db)
            .await?
        {
            wishlist_item::Entity::delete_many()
                .filter(wishlist_item::Column::WishlistId.eq(list.id))
                .filter(wishlist_item::Column::VariantId.eq(v.id))
                .exec(&self.db)
                .await?;
        }
        Ok((self.view_of(&list, owner).await?, cart))
    }

    /// At sign-in: the guest's items join the customer's list (up to the
    /// limit; what both hold stays once, with the customer's prices and
    /// watch state); the guest list is deleted.
    pub async fn merge(&self, guest_public_id: &str, user_id: i32) -> Result<()> {
        let guest = CartOwner::Guest(Some(guest_public_id.to_owned()));
        let Some(from) = find(&self.db, &guest).await? else {
            return Ok(());
        };
        let txn = crate::db::begin_write(&self.db).await?;
        let into = ensure(&txn, &CartOwner::User(user_id)).await?;
        let items = wishlist_item::Entity::find()
            .filter(wishlist_item::Column::WishlistId.eq(from.id))
            .order_by_asc(wishlist_item::Column::Id)
            .all(&txn)
            .await?;
        let room = (MAX_ITEMS as u64).saturating_sub(count(&txn, into.id).await?);
        for item in items.into_iter().take(room as usize) {
            let mut item: wishlist_item::ActiveModel = item.into();
            item.id = sea_orm::ActiveValue::NotSet;
            insert(&txn, into.id, item).await?;
        }
        wishlist::Entity::delete_by_id(from.id).exec(&txn).await?;
        touch(&txn, into.id).await?;
        txn.commit().await?;
        Ok(())
    }
}

async fn touch<C: ConnectionTrait>(conn: &C, wishlist_id: i32) -> Result<()> {
    wishlist::Entity::update_many()
        .col_expr(
            wishlist::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now()),
        )
        .filter(wishlist::Column::Id.eq(wishlist_id))
        .exec(conn)
        .await?;
    Ok(())
}
