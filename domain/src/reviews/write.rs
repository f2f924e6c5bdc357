//! A customer writes (or edits) their review of a product.
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, JoinType, PaginatorTrait, QueryFilter, QuerySelect,
    Set,
};
use time::OffsetDateTime;

use super::language::{judge, Verdict};
use super::{
    active_product, lock_product, recount, ReviewInput, ReviewStanding, ReviewStatus, Reviews,
};
use crate::accounts::Actor;
use crate::entities::{order, order_item, review, variant};
use crate::{Error, Result};
use model::reviews::{BODY_MAX, MAX_RATING, MIN_RATING, TITLE_MAX};
use model::Said;

/// Order states in which the goods reached the customer.
const RECEIVED: [&str; 3] = ["delivered", "return_requested", "returned"];

/// Has `user_id` received an order with any variant of `product_id`?
pub(super) async fn received<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    product_id: i32,
) -> Result<bool> {
    let n = order_item::Entity::find()
        .join(
            JoinType::InnerJoin,
            order_item::Entity::belongs_to(order::Entity)
                .from(order_item::Column::OrderId)
                .to(order::Column::Id)
                .into(),
        )
        .join(
            JoinType::InnerJoin,
            order_item::Entity::belongs_to(variant::Entity)
                .from(order_item::Column::VariantId)
                .to(variant::Column::Id)
                .into(),
        )
        .filter(order::Column::UserId.eq(user_id))
        .filter(order::Column::Status.is_in(RECEIVED))
        .filter(variant::Column::ProductId.eq(product_id))
        .count(conn)
        .await?;
    Ok(n > 0)
}

/// The input trimmed and checked; the verdict of the language filter.
fn check(input: &ReviewInput) -> Result<(ReviewInput, Verdict)> {
    let mut issues = crate::error::Issues::default();
    if !(MIN_RATING..=MAX_RATING).contains(&input.rating) {
        issues.push_said("rating", Said::new("error-review-rating"));
    }
    let title = input.title.trim().to_owned();
    if title.is_empty() || title.chars().count() > TITLE_MAX || title.chars().any(char::is_control)
    {
        issues.push_said(
            "title",
            Said::new("error-review-title").number("max", TITLE_MAX as i64),
        );
    }
    let body = input.body.trim().replace("\r\n", "\n");
    let body_len = body.chars().count();
    if !(10..=BODY_MAX).contains(&body_len) || body.chars().any(|c| c.is_control() && c != '\n') {
        issues.push_said(
            "body",
            Said::new("error-review-body")
                .number("min", 10)
                .number("max", BODY_MAX as i64),
        );
    }
    issues.finish()?;
    let verdict = match (judge(&title), judge(&body)) {
        (Verdict::Block, _) | (_, Verdict::Block) => {
            return Err(Error::rule("body", Said::new("error-review-offensive")))
        }
        (Verdict::Flag, _) | (_, Verdict::Flag) => Verdict::Flag,
        _ => Verdict::Clean,
    };
    Ok((
        ReviewInput {
            rating: input.rating,
            title,
            body,
        },
        verdict,
    ))
}

impl Reviews {
    /// What the viewer may do about reviewing the product.
    pub async fn standing(&self, actor: &Actor, slug: &str) -> Result<ReviewStanding> {
        let product = active_product(&self.db, slug).await?;
        let Some(user_id) = actor.user_id() else {
            return Ok(ReviewStanding::SignIn);
        };
        let own = review::Entity::find()
            .filter(review::Column::ProductId.eq(product.id))
            .filter(review::Column::UserId.eq(user_id))
            .one(&self.db)
            .await?;
        if let Some(r) = own {
            let photos = super::photos::own_photos(&self.db, r.id).await?;
            return Ok(ReviewStanding::Written {
                photos,
                input: ReviewInput {
                    rating: super::rating_of(r.rating),
                    title: r.title,
                    body: r.body,
                },
                status: ReviewStatus::parse(&r.status).unwrap_or_default(),
                reject_reason: r.reject_reason,
            });
        }
        let verified = received(&self.db, user_id, product.id).await?;
        if !verified && self.store.get().reviews_require_purchase {
            return Ok(ReviewStanding::NotBought);
        }
        Ok(ReviewStanding::CanWrite { verified })
    }

    /// Writes the caller's review of the product, or replaces it (one per
    /// customer and product). Returns where it stands: published at once
    /// when the shop auto-publishes and the filter found nothing, else
    /// waiting for a moderator. An edit goes through moderation again.
    pub async fn submit(
        &self,
        actor: &Actor,
        slug: &str,
        input: &ReviewInput,
    ) -> Result<ReviewStatus> {
        let user_id = actor.require_user()?;
        let (input, verdict) = check(input)?;
        let settings = self.store.get();
        let txn = crate::db::begin_write(&self.db).await?;
        let product = active_product(&txn, slug).await?;
        lock_product(&txn, product.id).await?;
        let verified = received(&txn, user_id, product.id).await?;
        if !verified && settings.reviews_require_purchase {
            return Err(Error::Clash(Said::new("error-review-buyers-only")));
        }
        let status = if settings.reviews_auto_publish && verdict == Verdict::Clean {
            ReviewStatus::Published
        } else {
            ReviewStatus::Pending
        };
        let now = OffsetDateTime::now_utc();
        let row = review::ActiveModel {
            product_id: Set(product.id),
            user_id: Set(user_id),
            rating: Set(i16::from(input.rating)),
            title: Set(input.title.clone()),
            body: Set(input.body.clone()),
            status: Set(status.as_str().to_owned()),
            verified: Set(verified),
            flagged: Set(verdict == Verdict::Flag),
            reject_reason: Set(None),
            helpful_count: Set(0),
            report_count: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        // One statement whichever of two racing submits comes first: the
        // unique (product, user) key turns the second into an edit. Votes
        // and reports stay with the review.
        review::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([review::Column::ProductId, review::Column::UserId])
                    .update_columns([
                        review::Column::Rating,
                        review::Column::Title,
                        review::Column::Body,
                        review::Column::Status,
                        review::Column::Verified,
                        review::Column::Flagged,
                        review::Column::RejectReason,
                        review::Column::UpdatedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        recount(&txn, &[product.id]).await?;
        txn.commit().await?;
        // This instance reads its own write at once; others follow the feed.
        self.catalog.forget_listings();
        Ok(status)
    }

    /// Removes the caller's own review, and its photos with it.
    pub async fn withdraw(
        &self,
        actor: &Actor,
        files: &dyn crate::files::FileStore,
        slug: &str,
    ) -> Result<()> {
        let user_id = actor.require_user()?;
        let txn = crate::db::begin_write(&self.db).await?;
        let product = active_product(&txn, slug).await?;
        lock_product(&txn, product.id).await?;
        let own = review::Entity::find()
            .filter(review::Column::ProductId.eq(product.id))
            .filter(review::Column::UserId.eq(user_id))
            .one(&txn)
            .await?
            .ok_or(Error::not_found("review"))?;
        let photos = super::read::photo_rows(&txn, &[own.id]).await?;
        review::Entity::delete_by_id(own.id).exec(&txn).await?;
        recount(&txn, &[product.id]).await?;
        txn.commit().await?;
        // This instance reads its own write at once; others follow the feed.
        self.catalog.forget_listings();
        // The rows went with the review (foreign key); the files follow.
        for p in photos {
            crate::catalog::delete_upload(files, crate::catalog::REVIEW_DIR, &p.url).await;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(rating: u8, title: &str, body: &str) -> ReviewInput {
        ReviewInput {
            rating,
            title: title.into(),
            body: body.into(),
        }
    }

    #[test]
    fn each_bad_field_is_named() {
        let Err(Error::Invalid { issues }) = check(&input(0, " ", "short")) else {
            panic!("expected issues");
        };
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["rating", "title", "body"]);
    }

    #[test]
    fn a_good_review_is_trimmed() {
        let (r, v) = check(&input(4, "  Warm  ", "Soft and warm,\r\nworth it. ")).unwrap();
        assert_eq!(r.title, "Warm");
        assert_eq!(r.body, "Soft and warm,\nworth it.");
        assert_eq!(v, Verdict::Clean);
    }
}
