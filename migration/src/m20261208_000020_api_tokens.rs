//! API tokens for the admin API (stored as a SHA-256 digest, shown once;
//! they go with the account that made them), the token's name on audit
//! entries written through one, and the answers kept for `Idempotency-Key`.
use crate::helpers::{fk, index, unique};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApiTokens {
    Table,
    Id,
    Name,
    TokenHash,
    Prefix,
    Scopes,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum ApiIdempotency {
    Table,
    Id,
    ScopeKey,
    Fingerprint,
    Status,
    ContentType,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Via,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ApiTokens::Table)
                .col(pk_auto(ApiTokens::Id))
                .col(string_len(ApiTokens::Name, 80))
                .col(string_len(ApiTokens::TokenHash, 64))
                .col(string_len(ApiTokens::Prefix, 16))
                .col(string_len(ApiTokens::Scopes, 512))
                .col(integer(ApiTokens::CreatedBy))
                .col(timestamp_with_time_zone(ApiTokens::CreatedAt))
                .col(timestamp_with_time_zone_null(ApiTokens::ExpiresAt))
                .col(timestamp_with_time_zone_null(ApiTokens::LastUsedAt))
                .col(timestamp_with_time_zone_null(ApiTokens::RevokedAt))
                .foreign_key(&mut fk(
                    "fk_api_tokens_created_by",
                    (ApiTokens::Table, ApiTokens::CreatedBy),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(
            m,
            "ux_api_tokens_hash",
            ApiTokens::Table,
            [ApiTokens::TokenHash],
        )
        .await?;
        index(
            m,
            "ix_api_tokens_created",
            ApiTokens::Table,
            [ApiTokens::CreatedAt],
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ApiIdempotency::Table)
                .col(big_pk_auto(ApiIdempotency::Id))
                .col(string_len(ApiIdempotency::ScopeKey, 64))
                .col(string_len(ApiIdempotency::Fingerprint, 64))
                .col(integer_null(ApiIdempotency::Status))
                .col(string_len_null(ApiIdempotency::ContentType, 100))
                .col(text_null(ApiIdempotency::Body))
                .col(timestamp_with_time_zone(ApiIdempotency::CreatedAt))
                .take(),
        )
        .await?;
        unique(
            m,
            "ux_api_idempotency_key",
            ApiIdempotency::Table,
            [ApiIdempotency::ScopeKey],
        )
        .await?;
        index(
            m,
            "ix_api_idempotency_created",
            ApiIdempotency::Table,
            [ApiIdempotency::CreatedAt],
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(AuditLog::Table)
                .add_column(string_len_null(AuditLog::Via, 96))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(AuditLog::Table)
                .drop_column(AuditLog::Via)
                .take(),
        )
        .await?;
        m.drop_table(Table::drop().table(ApiIdempotency::Table).take())
            .await?;
        m.drop_table(Table::drop().table(ApiTokens::Table).take())
            .await
    }
}
