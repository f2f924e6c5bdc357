//! Rate limits shared by every instance: one row per (class, client), the
//! time at which its budget is next full again ("theoretical arrival time"
//! of the GCRA, in Unix milliseconds). See `domain::rate_limits`.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RateLimits {
    Table,
    Bucket,
    TatMs,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(RateLimits::Table)
                .col(string_len(RateLimits::Bucket, 96).primary_key())
                .col(big_integer(RateLimits::TatMs))
                .take(),
        )
        .await?;
        crate::helpers::index(
            m,
            "ix_rate_limits_tat",
            RateLimits::Table,
            [RateLimits::TatMs],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RateLimits::Table).take())
            .await
    }
}
