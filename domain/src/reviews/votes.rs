//! Shoppers find a review helpful (once each) or report it as abusive.
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use time::OffsetDateTime;

use super::{ReviewStatus, Reviews};
use crate::accounts::Actor;
use crate::entities::{review, review_report, review_vote};
use crate::{Error, Result};
use model::Said;

/// Reports that send a published review back to the moderation queue.
pub const REPORTS_TO_HIDE: i32 = 3;

/// The published review, with its votes and reports serialised (PostgreSQL:
/// each count then reads the others' committed rows).
async fn published<C: ConnectionTrait>(conn: &C, id: i32) -> Result<review::Model> {
    crate::db::lock_key(conn, &format!("review:{id}")).await?;
    review::Entity::find_by_id(id)
        .filter(review::Column::Status.eq(ReviewStatus::Published.as_str()))
        .one(conn)
        .await?
        .ok_or(Error::not_found("review"))
}

impl Reviews {
    /// Counts the caller's "helpful" once; returns the review's count. A
    /// second vote changes nothing. Nobody votes for their own review.
    pub async fn vote_helpful(&self, actor: &Actor, review_id: i32) -> Result<u32> {
        let user_id = actor.require_user()?;
        let txn = crate::db::begin_write(&self.db).await?;
        let r = published(&txn, review_id).await?;
        if r.user_id == user_id {
            return Err(Error::Clash(Said::new("error-review-own-vote")));
        }
        review_vote::Entity::insert(review_vote::ActiveModel {
            review_id: Set(review_id),
            user_id: Set(user_id),
            created_at: Set(OffsetDateTime::now_utc()),
        })
        .on_conflict(
            OnConflict::columns([review_vote::Column::ReviewId, review_vote::Column::UserId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        // Counted from the votes, not incremented: racing votes and repeats
        // end with the number of rows.
        let votes = review_vote::Entity::find()
            .filter(review_vote::Column::ReviewId.eq(review_id))
            .count(&txn)
            .await?;
        let votes = i32::try_from(votes).unwrap_or(i32::MAX);
        review::Entity::update_many()
            .col_expr(review::Column::HelpfulCount, Expr::value(votes))
            .filter(review::Column::Id.eq(review_id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        // This instance reads its own write at once; others follow the feed.
        self.catalog.forget_listings();
        Ok(votes.unsigned_abs())
    }

    /// Records the caller's report (once per shopper). After
    /// [`REPORTS_TO_HIDE`] reports a published review shows in the
    /// moderation queue for a person to look at again; it stays published
    /// until they decide.
    pub async fn report(&self, actor: &Actor, review_id: i32, reason: &str) -> Result<()> {
        let user_id = actor.require_user()?;
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > 200 || reason.chars().any(char::is_control)
        {
            return Err(Error::rule(
                "reason",
                Said::new("error-review-report-reason").number("max", 200),
            ));
        }
        let txn = crate::db::begin_write(&self.db).await?;
        published(&txn, review_id).await?;
        review_report::Entity::insert(review_report::ActiveModel {
            review_id: Set(review_id),
            user_id: Set(user_id),
            reason: Set(reason.to_owned()),
            created_at: Set(OffsetDateTime::now_utc()),
        })
        .on_conflict(
            OnConflict::columns([
                review_report::Column::ReviewId,
                review_report::Column::UserId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        let reports = review_report::Entity::find()
            .filter(review_report::Column::ReviewId.eq(review_id))
            .count(&txn)
            .await?;
        review::Entity::update_many()
            .col_expr(
                review::Column::ReportCount,
                Expr::value(i32::try_from(reports).unwrap_or(i32::MAX)),
            )
            .filter(review::Column::Id.eq(review_id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        // This instance reads its own write at once; others follow the feed.
        self.catalog.forget_listings();
        Ok(())
    }
}
