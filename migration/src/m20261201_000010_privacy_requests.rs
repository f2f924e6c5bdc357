//! Guests (no account) ask for a copy or the erasure of their orders by
//! email: a single-use link, stored as a digest, proves the mailbox.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PrivacyRequests {
    Table,
    Id,
    Email,
    Kind,
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(PrivacyRequests::Table)
                .col(pk_auto(PrivacyRequests::Id))
                .col(string_len(PrivacyRequests::Email, 254))
                .col(
                    string_len(PrivacyRequests::Kind, 8)
                        .check(Expr::col(PrivacyRequests::Kind).is_in(["export", "erase"])),
                )
                .col(string_len_uniq(PrivacyRequests::TokenHash, 64))
                .col(timestamp_with_time_zone(PrivacyRequests::ExpiresAt))
                .col(timestamp_with_time_zone_null(PrivacyRequests::UsedAt))
                .col(timestamp_with_time_zone(PrivacyRequests::CreatedAt))
                .take(),
        )
        .await?;
        crate::helpers::index(
            m,
            "idx_privacy_requests_email",
            PrivacyRequests::Table,
            [PrivacyRequests::Email],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(PrivacyRequests::Table).to_owned())
            .await
    }
}
