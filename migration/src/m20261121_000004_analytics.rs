//! Storefront analytics events: searches and their clicks now; page views,
//! add-to-cart and orders use the same table. No personal data: the session
//! is an opaque random id, never the session cookie or a user id.
use crate::helpers::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AnalyticsEvents {
    Table,
    Id,
    Kind,
    Session,
    Query,
    Results,
    ProductId,
    Position,
    OrderId,
    AmountMinor,
    Path,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AnalyticsEvents::Table)
                .col(big_pk_auto(AnalyticsEvents::Id))
                .col(string_len(AnalyticsEvents::Kind, 32))
                .col(string_len_null(AnalyticsEvents::Session, 64))
                .col(string_len_null(AnalyticsEvents::Query, 200))
                .col(integer_null(AnalyticsEvents::Results))
                .col(integer_null(AnalyticsEvents::ProductId))
                .col(integer_null(AnalyticsEvents::Position))
                .col(integer_null(AnalyticsEvents::OrderId))
                .col(big_integer_null(AnalyticsEvents::AmountMinor))
                .col(string_len_null(AnalyticsEvents::Path, 300))
                .col(timestamp_with_time_zone(AnalyticsEvents::CreatedAt))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_analytics_kind_time",
            AnalyticsEvents::Table,
            [AnalyticsEvents::Kind, AnalyticsEvents::CreatedAt],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(AnalyticsEvents::Table).to_owned())
            .await
    }
}
