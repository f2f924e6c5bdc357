//! Staff with the `reviews` permission publish, reject and answer reviews.
//! Every action is audited in its transaction.
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde_json::json;
use time::OffsetDateTime;

use super::read::{names, photos};
use super::votes::REPORTS_TO_HIDE;
use super::{
    author_label, lock_product, rating_of, recount, ModerationFilter, ModerationRow, ReviewStatus,
    Reviews,
};
use crate::accounts::{Actor, Permission};
use crate::entities::{product, review};
use crate::{Error, Result};

/// Rows on one page of the queue.
pub const QUEUE_PAGE: u64 = 50;
const REPLY_MAX: usize = 2_000;
const REASON_MAX: usize = 500;

fn checked_text(text: &str, max: usize, field: &'static str, what: &str) -> Result<String> {
    let t = text.trim().replace("\r\n", "\n");
    let n = t.chars().count();
    if n == 0 || n > max || t.chars().any(|c| c.is_control() && c != '\n') {
        return Err(Error::validation(
            field,
            format!("Write {what}, up to {max} characters."),
        ));
    }
    Ok(t)
}

impl Reviews {
    /// The newest first; the queue is what waits for a person (pending, or
    /// published and reported often enough).
    pub async fn queue(
        &self,
        actor: &Actor,
        filter: ModerationFilter,
        page: u64,
    ) -> Result<Vec<ModerationRow>> {
        actor.require(Permission::Reviews)?;
        let condition = match filter {
            ModerationFilter::Queue => Condition::any()
                .add(review::Column::Status.eq(ReviewStatus::Pending.as_str()))
                .add(
                    Condition::all()
                        .add(review::Column::Status.eq(ReviewStatus::Published.as_str()))
                        .add(review::Column::ReportCount.gte(REPORTS_TO_HIDE)),
                ),
            ModerationFilter::Published => {
                Condition::all().add(review::Column::Status.eq(ReviewStatus::Published.as_str()))
            }
            ModerationFilter::Rejected => {
                Condition::all().add(review::Column::Status.eq(ReviewStatus::Rejected.as_str()))
            }
        };
        let rows = review::Entity::find()
            .filter(condition)
            .order_by_desc(review::Column::UpdatedAt)
            .order_by_desc(review::Column::Id)
            .offset(page.clamp(1, 1_000).saturating_sub(1) * QUEUE_PAGE)
            .limit(QUEUE_PAGE)
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let mut photos = photos(&self.db, &ids).await?;
        let authors = names(&self.db, rows.iter().map(|r| r.user_id)).await?;
        let products: std::collections::HashMap<i32, product::Model> = product::Entity::find()
            .filter(product::Column::Id.is_in(rows.iter().map(|r| r.product_id)))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let stamp = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
        Ok(rows
            .into_iter()
            .map(|r| {
                let author = authors.get(&r.user_id);
                let product = products.get(&r.product_id);
                ModerationRow {
                    id: r.id,
                    product_title: product.map(|p| p.title.clone()).unwrap_or_default(),
                    product_slug: product.map(|p| p.slug.clone()).unwrap_or_default(),
                    author: author_label(author.map_or("", |u| u.name.as_str())),
                    author_email: author.map(|u| u.email.clone()).unwrap_or_default(),
                    rating: rating_of(r.rating),
                    title: r.title,
                    body: r.body,
                    status: ReviewStatus::parse(&r.status).unwrap_or_default(),
                    verified: r.verified,
                    flagged: r.flagged,
                    reports: r.report_count.unsigned_abs(),
                    reject_reason: r.reject_reason,
                    reply: r.reply,
                    photos: photos.remove(&r.id).unwrap_or_default(),
                    written: r.updated_at.format(stamp).unwrap_or_default(),
                }
            })
            .collect())
    }

    /// Publishes a waiting or rejected review, or keeps a reported one
    /// (its reports are cleared).
    pub async fn approve(&self, actor: &Actor, review_id: i32) -> Result<()> {
        self.decide(actor, review_id, ReviewStatus::Published, None)
            .await
    }

    /// Takes a review off the shop (or keeps it off) with a reason the
    /// customer sees on their review.
    pub async fn reject(&self, actor: &Actor, review_id: i32, reason: &str) -> Result<()> {
        let reason = checked_text(
            reason,
            REASON_MAX,
            "reason",
            "the reason the customer will read",
        )?;
        self.decide(actor, review_id, ReviewStatus::Rejected, Some(reason))
            .await
    }

    async fn decide(
        &self,
        actor: &Actor,
        review_id: i32,
        to: ReviewStatus,
        reason: Option<String>,
    ) -> Result<()> {
        actor.require(Permission::Reviews)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let product_id = review::Entity::find_by_id(review_id)
            .one(&txn)
            .await?
            .ok_or(Error::not_found("review"))?
            .product_id;
        lock_product(&txn, product_id).await?;
        // Read again under the lock: an edit may have landed meanwhile.
        let r = review::Entity::find_by_id(review_id)
            .one(&txn)
            .await?
            .ok_or(Error::not_found("review"))?;
        let before = json!({ "status": r.status, "reports": r.report_count });
        let mut row = r.into_active_model();
        row.status = Set(to.as_str().to_owned());
        row.reject_reason = Set(reason.clone());
        row.flagged = Set(false);
        row.report_count = Set(0);
        row.update(&txn).await?;
        if to == ReviewStatus::Published {
            // Kept after review: the same reports don't bring it back.
            crate::entities::review_report::Entity::delete_many()
                .filter(crate::entities::review_report::Column::ReviewId.eq(review_id))
                .exec(&txn)
                .await?;
        }
        recount(&txn, &[product_id]).await?;
        crate::audit::record(
            &txn,
            actor,
            if to == ReviewStatus::Published {
                "review.approve"
            } else {
                "review.reject"
            },
            "review",
            &review_id.to_string(),
            Some(before),
            Some(json!({ "status": to.as_str(), "reason": reason })),
        )
        .await?;
        txn.commit().await?;
        // This instance reads its own write at once; others follow the feed.
        self.catalog.forget_listings();
        Ok(())
    }

    /// The shop's public answer under the review (empty text removes it).
    pub async fn reply(&self, actor: &Actor, review_id: i32, text: &str) -> Result<()> {
        actor.require(Permission::Reviews)?;
        let reply = match text.trim() {
            "" => None,
            t => Some(checked_text(t, REPLY_MAX, "reply", "the shop's answer")?),
        };
        let txn = crate::db::begin_write(&self.db).await?;
        let r = review::Entity::find_by_id(review_id)
            .one(&txn)
            .await?
            .ok_or(Error::not_found("review"))?;
        let before = json!({ "reply": r.reply });
        let mut row = r.into_active_model();
        row.reply = Set(reply.clone());
        row.replied_at = Set(reply.as_ref().map(|_| OffsetDateTime::now_utc()));
        let saved = row.update(&txn).await?;
        // The product's cached pages show the answer: touching the product
        // row is what its change-feed trigger sees.
        if saved.status == ReviewStatus::Published.as_str() {
            recount(&txn, &[saved.product_id]).await?;
        }
        crate::audit::record(
            &txn,
            actor,
            "review.reply",
            "review",
            &review_id.to_string(),
            Some(before),
            Some(json!({ "reply": reply })),
        )
        .await?;
        txn.commit().await?;
        // This instance reads its own write at once; others follow the feed.
        self.catalog.forget_listings();
        Ok(())
    }
}
