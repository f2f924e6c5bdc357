//! Photos on a shopper's own review: checked and re-encoded as product
//! images are, at most [`PHOTOS_MAX`] per review, and moderated with it.
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

use super::read::{photo_image, photo_rows};
use super::{active_product, lock_product, recount, ReviewStatus, Reviews};
use crate::accounts::Actor;
use crate::catalog::{delete_upload, store_upload, REVIEW_DIR};
use crate::entities::{review, review_photo};
use crate::files::FileStore;
use crate::{Error, Result};
use model::reviews::{ReviewPhoto, PHOTOS_MAX};
use model::Said;

fn full() -> Error {
    Error::rule(
        "photo",
        Said::new("error-review-photos-full").number("max", PHOTOS_MAX as i64),
    )
}

/// The caller's review of the product, which photos attach to.
async fn own_review<C: ConnectionTrait>(
    conn: &C,
    product_id: i32,
    user_id: i32,
) -> Result<review::Model> {
    review::Entity::find()
        .filter(review::Column::ProductId.eq(product_id))
        .filter(review::Column::UserId.eq(user_id))
        .one(conn)
        .await?
        .ok_or_else(|| Error::Clash(Said::new("error-review-photo-first")))
}

async fn photo_count<C: ConnectionTrait>(conn: &C, review_id: i32) -> Result<u64> {
    Ok(review_photo::Entity::find()
        .filter(review_photo::Column::ReviewId.eq(review_id))
        .count(conn)
        .await?)
}

impl Reviews {
    /// Adds a photo to the caller's review of the product. A published
    /// review goes back to moderation unless the shop auto-publishes, as an
    /// edit does: a person looks at what shoppers will see.
    pub async fn add_photo(
        &self,
        actor: &Actor,
        files: &dyn FileStore,
        slug: &str,
        bytes: Vec<u8>,
    ) -> Result<ReviewPhoto> {
        let user_id = actor.require_user()?;
        // Refused before any decoding when there is nothing to add to.
        let product = active_product(&self.db, slug).await?;
        let before = own_review(&self.db, product.id, user_id).await?;
        if photo_count(&self.db, before.id).await? >= PHOTOS_MAX as u64 {
            return Err(full());
        }
        let stored = store_upload(files, REVIEW_DIR, bytes).await?;
        let saved = self
            .attach(
                product.id,
                user_id,
                &stored.url,
                stored.width,
                stored.height,
            )
            .await;
        if saved.is_err() {
            delete_upload(files, REVIEW_DIR, &stored.url).await;
        }
        saved
    }

    /// The row, counted again under the product's lock: two uploads at once
    /// cannot both take the last place.
    async fn attach(
        &self,
        product_id: i32,
        user_id: i32,
        url: &str,
        width: u32,
        height: u32,
    ) -> Result<ReviewPhoto> {
        let txn = crate::db::begin_write(&self.db).await?;
        lock_product(&txn, product_id).await?;
        let own = own_review(&txn, product_id, user_id).await?;
        let count = photo_count(&txn, own.id).await?;
        if count >= PHOTOS_MAX as u64 {
            return Err(full());
        }
        let row = review_photo::ActiveModel {
            review_id: Set(own.id),
            url: Set(url.to_owned()),
            width: Set(i32::try_from(width).unwrap_or(i32::MAX)),
            height: Set(i32::try_from(height).unwrap_or(i32::MAX)),
            position: Set(i16::try_from(count).unwrap_or(i16::MAX)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let published = own.status == ReviewStatus::Published.as_str();
        if published && !self.store.get().reviews_auto_publish {
            review::Entity::update_many()
                .col_expr(
                    review::Column::Status,
                    Expr::value(ReviewStatus::Pending.as_str()),
                )
                .col_expr(
                    review::Column::UpdatedAt,
                    Expr::value(time::OffsetDateTime::now_utc()),
                )
                .filter(review::Column::Id.eq(own.id))
                .exec(&txn)
                .await?;
        }
        if published {
            // Off the page (back in moderation) or onto it: the product's
            // row changes either way, which evicts its cached pages.
            recount(&txn, &[product_id]).await?;
        }
        txn.commit().await?;
        // This instance reads its own write at once; others follow the feed.
        self.catalog.forget_listings();
        Ok(ReviewPhoto {
            id: row.id,
            image: photo_image(row),
        })
    }

    /// Removes one of the caller's own photos (anyone else's is not found).
    pub async fn remove_photo(
        &self,
        actor: &Actor,
        files: &dyn FileStore,
        photo_id: i32,
    ) -> Result<()> {
        let user_id = actor.require_user()?;
        let photo = review_photo::Entity::find_by_id(photo_id)
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("photo"))?;
        let own = review::Entity::find_by_id(photo.review_id)
            .one(&self.db)
            .await?
            .filter(|r| r.user_id == user_id)
            .ok_or(Error::not_found("photo"))?;
        let txn = crate::db::begin_write(&self.db).await?;
        review_photo::Entity::delete_by_id(photo.id)
            .exec(&txn)
            .await?;
        if own.status == ReviewStatus::Published.as_str() {
            // Touches the product row: its cached pages showed the photo.
            recount(&txn, &[own.product_id]).await?;
        }
        txn.commit().await?;
        // This instance reads its own write at once; others follow the feed.
        self.catalog.forget_listings();
        delete_upload(files, REVIEW_DIR, &photo.url).await;
        Ok(())
    }
}

/// The photos on a review, with the ids its author removes them by.
pub(super) async fn own_photos<C: ConnectionTrait>(
    conn: &C,
    review_id: i32,
) -> Result<Vec<ReviewPhoto>> {
    Ok(photo_rows(conn, &[review_id])
        .await?
        .into_iter()
        .map(|p| ReviewPhoto {
            id: p.id,
            image: photo_image(p),
        })
        .collect())
}
