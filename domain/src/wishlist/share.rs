//! The read-only link and the alert switch.
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::accounts::tokens::plausible;
use crate::cart::CartOwner;
use crate::entities::{user, wishlist};
use crate::{Error, Result};

use super::{ensure, now, SharedWishlist, WishlistView, Wishlists};

impl Wishlists {
    /// Shares the list by a new private link, or stops sharing it (the old
    /// link stops working either way).
    pub async fn share(&self, owner: &CartOwner, on: bool) -> Result<WishlistView> {
        let token = on.then(crate::accounts::tokens::random_token);
        self.set(owner, wishlist::Column::ShareToken, token).await
    }

    /// Sets one column of the owner's list (made if there is none).
    async fn set(
        &self,
        owner: &CartOwner,
        column: wishlist::Column,
        value: impl Into<sea_orm::Value>,
    ) -> Result<WishlistView> {
        let txn = crate::db::begin_write(&self.db).await?;
        let list = ensure(&txn, owner).await?;
        wishlist::Entity::update_many()
            .col_expr(column, Expr::value(value))
            .col_expr(wishlist::Column::UpdatedAt, Expr::value(now()))
            .filter(wishlist::Column::Id.eq(list.id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        self.read(owner).await
    }

    /// What a shared link shows.
    pub async fn shared(&self, token: &str) -> Result<SharedWishlist> {
        let token = token.trim();
        if !plausible(token) {
            return Err(Error::not_found("wishlist"));
        }
        let list = wishlist::Entity::find()
            .filter(wishlist::Column::ShareToken.eq(token))
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("wishlist"))?;
        let owner = match list.user_id {
            Some(id) => user::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .filter(|u| u.erased_at.is_none())
                .and_then(|u| u.name.split_whitespace().next().map(str::to_owned)),
            None => None,
        };
        Ok(SharedWishlist {
            owner: owner.unwrap_or_default(),
            lines: self.lines(list.id).await?,
        })
    }

    /// "Back in stock" and "price dropped" mails on or off (signed in).
    pub async fn set_alerts(&self, owner: &CartOwner, on: bool) -> Result<WishlistView> {
        let CartOwner::User(_) = owner else {
            return Err(Error::Unauthenticated);
        };
        self.set(owner, wishlist::Column::Alerts, on).await
    }

    /// The link in every alert mail: alerts off, no sign-in needed.
    pub async fn alerts_off(&self, token: &str) -> Result<()> {
        let token = token.trim();
        if !plausible(token) {
            return Err(Error::not_found("wishlist"));
        }
        let done = wishlist::Entity::update_many()
            .col_expr(wishlist::Column::Alerts, Expr::value(false))
            .col_expr(wishlist::Column::UpdatedAt, Expr::value(now()))
            .filter(wishlist::Column::AlertsToken.eq(token))
            .exec(&self.db)
            .await?;
        if done.rows_affected == 0 {
            return Err(Error::not_found("wishlist"));
        }
        Ok(())
    }
}
