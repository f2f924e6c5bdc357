//! Product reviews: one per customer and product, moderated, with photos,
//! helpful votes and abuse reports. Products keep the count and sum of
//! their published ratings, so cards and listings read them without a
//! join and an update fires the product's change-feed trigger (the cached
//! pages showing the stars are evicted). The store profile gains the two
//! review settings staff change in the admin, and customers may turn off
//! the mail asking them to review what arrived.
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{fk, index, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Reviews {
    Table,
    Id,
    ProductId,
    UserId,
    Rating,
    Title,
    Body,
    Status,
    Verified,
    Flagged,
    RejectReason,
    Reply,
    RepliedAt,
    HelpfulCount,
    ReportCount,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ReviewPhotos {
    Table,
    Id,
    ReviewId,
    Url,
    Width,
    Height,
    Position,
}

#[derive(DeriveIden)]
enum ReviewVotes {
    Table,
    ReviewId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ReviewReports {
    Table,
    ReviewId,
    UserId,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
    ReviewCount,
    RatingSum,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    ReviewRequests,
}

#[derive(DeriveIden)]
enum StoreProfile {
    Table,
    ReviewsRequirePurchase,
    ReviewsAutoPublish,
}

fn reviews_table() -> TableCreateStatement {
    Table::create()
        .table(Reviews::Table)
        .col(pk_auto(Reviews::Id))
        .col(integer(Reviews::ProductId))
        .col(integer(Reviews::UserId))
        .col(small_integer(Reviews::Rating).check(Expr::col(Reviews::Rating).between(1, 5)))
        .col(string_len(Reviews::Title, 120))
        .col(text(Reviews::Body))
        .col(
            string_len(Reviews::Status, 10).check(Expr::col(Reviews::Status).is_in([
                "pending",
                "published",
                "rejected",
            ])),
        )
        // Bought and received when written (or edited).
        .col(boolean(Reviews::Verified))
        // The profanity filter's milder findings: the review waits for a
        // person even when reviews publish on their own.
        .col(boolean(Reviews::Flagged))
        .col(text_null(Reviews::RejectReason))
        .col(text_null(Reviews::Reply))
        .col(timestamp_with_time_zone_null(Reviews::RepliedAt))
        .col(integer(Reviews::HelpfulCount).default(0))
        .col(integer(Reviews::ReportCount).default(0))
        .col(timestamp_with_time_zone(Reviews::CreatedAt))
        .col(timestamp_with_time_zone(Reviews::UpdatedAt))
        .foreign_key(&mut fk(
            "fk_reviews_product",
            (Reviews::Table, Reviews::ProductId),
            (Products::Table, Products::Id),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut fk(
            "fk_reviews_user",
            (Reviews::Table, Reviews::UserId),
            (Users::Table, Users::Id),
            ForeignKeyAction::Cascade,
        ))
        .take()
}

fn photos_table() -> TableCreateStatement {
    Table::create()
        .table(ReviewPhotos::Table)
        .col(pk_auto(ReviewPhotos::Id))
        .col(integer(ReviewPhotos::ReviewId))
        .col(string_len(ReviewPhotos::Url, 500))
        .col(integer(ReviewPhotos::Width))
        .col(integer(ReviewPhotos::Height))
        .col(small_integer(ReviewPhotos::Position))
        .foreign_key(&mut fk(
            "fk_review_photos_review",
            (ReviewPhotos::Table, ReviewPhotos::ReviewId),
            (Reviews::Table, Reviews::Id),
            ForeignKeyAction::Cascade,
        ))
        .take()
}

fn votes_table() -> TableCreateStatement {
    Table::create()
        .table(ReviewVotes::Table)
        .col(integer(ReviewVotes::ReviewId))
        .col(integer(ReviewVotes::UserId))
        .col(timestamp_with_time_zone(ReviewVotes::CreatedAt))
        .primary_key(
            Index::create()
                .col(ReviewVotes::ReviewId)
                .col(ReviewVotes::UserId),
        )
        .foreign_key(&mut fk(
            "fk_review_votes_review",
            (ReviewVotes::Table, ReviewVotes::ReviewId),
            (Reviews::Table, Reviews::Id),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut fk(
            "fk_review_votes_user",
            (ReviewVotes::Table, ReviewVotes::UserId),
            (Users::Table, Users::Id),
            ForeignKeyAction::Cascade,
        ))
        .take()
}

fn reports_table() -> TableCreateStatement {
    Table::create()
        .table(ReviewReports::Table)
        .col(integer(ReviewReports::ReviewId))
        .col(integer(ReviewReports::UserId))
        .col(string_len(ReviewReports::Reason, 200))
        .col(timestamp_with_time_zone(ReviewReports::CreatedAt))
        .primary_key(
            Index::create()
                .col(ReviewReports::ReviewId)
                .col(ReviewReports::UserId),
        )
        .foreign_key(&mut fk(
            "fk_review_reports_review",
            (ReviewReports::Table, ReviewReports::ReviewId),
            (Reviews::Table, Reviews::Id),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut fk(
            "fk_review_reports_user",
            (ReviewReports::Table, ReviewReports::UserId),
            (Users::Table, Users::Id),
            ForeignKeyAction::Cascade,
        ))
        .take()
}

/// SQLite adds one column per statement.
async fn add_column(
    m: &SchemaManager<'_>,
    table: impl IntoIden,
    column: ColumnDef,
) -> Result<(), DbErr> {
    let mut column = column;
    m.alter_table(Table::alter().table(table).add_column(&mut column).take())
        .await
}

async fn drop_column(
    m: &SchemaManager<'_>,
    table: impl IntoIden,
    column: impl IntoIden,
) -> Result<(), DbErr> {
    m.alter_table(Table::alter().table(table).drop_column(column).take())
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(reviews_table()).await?;
        unique(
            m,
            "uq_reviews_product_user",
            Reviews::Table,
            [Reviews::ProductId, Reviews::UserId],
        )
        .await?;
        index(
            m,
            "ix_reviews_product_status",
            Reviews::Table,
            [Reviews::ProductId, Reviews::Status],
        )
        .await?;
        index(
            m,
            "ix_reviews_status_created",
            Reviews::Table,
            [Reviews::Status, Reviews::CreatedAt],
        )
        .await?;
        m.create_table(photos_table()).await?;
        index(
            m,
            "ix_review_photos_review",
            ReviewPhotos::Table,
            [ReviewPhotos::ReviewId],
        )
        .await?;
        m.create_table(votes_table()).await?;
        m.create_table(reports_table()).await?;
        add_column(
            m,
            Products::Table,
            integer(Products::ReviewCount).default(0).take(),
        )
        .await?;
        add_column(
            m,
            Products::Table,
            integer(Products::RatingSum).default(0).take(),
        )
        .await?;
        add_column(
            m,
            StoreProfile::Table,
            boolean(StoreProfile::ReviewsRequirePurchase)
                .default(true)
                .take(),
        )
        .await?;
        add_column(
            m,
            StoreProfile::Table,
            boolean(StoreProfile::ReviewsAutoPublish)
                .default(false)
                .take(),
        )
        .await?;
        // "How was it?" after delivery; customers switch it off in their
        // profile or from the mail.
        add_column(
            m,
            Users::Table,
            boolean(Users::ReviewRequests).default(true).take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_column(m, Users::Table, Users::ReviewRequests).await?;
        drop_column(m, StoreProfile::Table, StoreProfile::ReviewsAutoPublish).await?;
        drop_column(m, StoreProfile::Table, StoreProfile::ReviewsRequirePurchase).await?;
        drop_column(m, Products::Table, Products::RatingSum).await?;
        drop_column(m, Products::Table, Products::ReviewCount).await?;
        for table in [
            ReviewReports::Table.into_iden(),
            ReviewVotes::Table.into_iden(),
            ReviewPhotos::Table.into_iden(),
            Reviews::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).take()).await?;
        }
        Ok(())
    }
}
