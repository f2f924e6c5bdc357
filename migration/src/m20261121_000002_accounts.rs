//! Accounts and the security foundation: users, one-time tokens, 2FA recovery
//! codes, address book, database-backed sessions, login throttling and the
//! transactional outbox that carries mail (and later index updates).
use crate::helpers::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    PublicId,
    Email,
    EmailVerifiedAt,
    PasswordHash,
    Name,
    Phone,
    Role,
    Permissions,
    MarketingOptIn,
    TotpSecret,
    TotpEnabledAt,
    TotpLastStep,
    CreatedAt,
    UpdatedAt,
    ErasedAt,
}

#[derive(DeriveIden)]
enum UserTokens {
    Table,
    Id,
    UserId,
    Purpose,
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    UsedAt,
}

#[derive(DeriveIden)]
enum Addresses {
    Table,
    Id,
    PublicId,
    UserId,
    FullName,
    Company,
    Line1,
    Line2,
    City,
    Region,
    PostalCode,
    Country,
    Phone,
    IsDefaultShipping,
    IsDefaultBilling,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    UserId,
    Data,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum AuthThrottle {
    Table,
    Key,
    Failures,
    WindowStartedAt,
    LockedUntil,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    Kind,
    Payload,
    Status,
    Attempts,
    AvailableAt,
    LockedUntil,
    LastError,
    CreatedAt,
    ProcessedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(pk_auto(Users::Id))
                .col(string_len_uniq(Users::PublicId, 36))
                // Stored normalised (trimmed, lower-case), so the unique index is case-insensitive.
                .col(string_len_uniq(Users::Email, 254))
                .col(timestamp_with_time_zone_null(Users::EmailVerifiedAt))
                .col(string_len(Users::PasswordHash, 255))
                .col(string_len(Users::Name, 120).default(""))
                .col(string_len(Users::Phone, 40).default(""))
                .col(
                    string_len(Users::Role, 16)
                        .check(Expr::col(Users::Role).is_in(["customer", "staff", "admin"])),
                )
                .col(text(Users::Permissions).default(""))
                .col(boolean(Users::MarketingOptIn).default(false))
                .col(string_len_null(Users::TotpSecret, 128))
                .col(timestamp_with_time_zone_null(Users::TotpEnabledAt))
                .col(big_integer_null(Users::TotpLastStep))
                .col(timestamp_with_time_zone(Users::CreatedAt))
                .col(timestamp_with_time_zone(Users::UpdatedAt))
                .col(timestamp_with_time_zone_null(Users::ErasedAt))
                .take(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(UserTokens::Table)
                .col(pk_auto(UserTokens::Id))
                .col(integer(UserTokens::UserId))
                .col(string_len(UserTokens::Purpose, 24).check(
                    Expr::col(UserTokens::Purpose).is_in(["verify_email", "reset_password"]),
                ))
                .col(string_len_uniq(UserTokens::TokenHash, 64))
                .col(timestamp_with_time_zone(UserTokens::ExpiresAt))
                .col(timestamp_with_time_zone_null(UserTokens::UsedAt))
                .col(timestamp_with_time_zone(UserTokens::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_user_tokens_user",
                    (UserTokens::Table, UserTokens::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_user_tokens_user",
            UserTokens::Table,
            [UserTokens::UserId, UserTokens::Purpose],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RecoveryCodes::Table)
                .col(pk_auto(RecoveryCodes::Id))
                .col(integer(RecoveryCodes::UserId))
                .col(string_len(RecoveryCodes::CodeHash, 64))
                .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                .foreign_key(&mut fk(
                    "fk_recovery_codes_user",
                    (RecoveryCodes::Table, RecoveryCodes::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_recovery_codes_user",
            RecoveryCodes::Table,
            [RecoveryCodes::UserId],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Addresses::Table)
                .col(pk_auto(Addresses::Id))
                .col(string_len_uniq(Addresses::PublicId, 36))
                .col(integer(Addresses::UserId))
                .col(string_len(Addresses::FullName, 120))
                .col(string_len(Addresses::Company, 120).default(""))
                .col(string_len(Addresses::Line1, 200))
                .col(string_len(Addresses::Line2, 200).default(""))
                .col(string_len(Addresses::City, 120))
                .col(string_len(Addresses::Region, 120).default(""))
                .col(string_len(Addresses::PostalCode, 20).default(""))
                .col(char_len(Addresses::Country, 2))
                .col(string_len(Addresses::Phone, 40).default(""))
                .col(boolean(Addresses::IsDefaultShipping).default(false))
                .col(boolean(Addresses::IsDefaultBilling).default(false))
                .col(timestamp_with_time_zone(Addresses::CreatedAt))
                .col(timestamp_with_time_zone(Addresses::UpdatedAt))
                .foreign_key(&mut fk(
                    "fk_addresses_user",
                    (Addresses::Table, Addresses::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_addresses_user",
            Addresses::Table,
            [Addresses::UserId],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(string_len(Sessions::Id, 64).primary_key())
                // Copied out of the session data on save so a user's sessions can be listed and revoked.
                .col(integer_null(Sessions::UserId))
                .col(text(Sessions::Data))
                .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                .foreign_key(&mut fk(
                    "fk_sessions_user",
                    (Sessions::Table, Sessions::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(m, "idx_sessions_user", Sessions::Table, [Sessions::UserId]).await?;
        index(
            m,
            "idx_sessions_expiry",
            Sessions::Table,
            [Sessions::ExpiresAt],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuthThrottle::Table)
                .col(string_len(AuthThrottle::Key, 300).primary_key())
                .col(integer(AuthThrottle::Failures).default(0))
                .col(timestamp_with_time_zone(AuthThrottle::WindowStartedAt))
                .col(timestamp_with_time_zone_null(AuthThrottle::LockedUntil))
                .take(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Outbox::Table)
                .col(big_pk_auto(Outbox::Id))
                .col(string_len(Outbox::Kind, 32))
                .col(text(Outbox::Payload))
                .col(
                    string_len(Outbox::Status, 12)
                        .check(Expr::col(Outbox::Status).is_in(["pending", "done", "dead"])),
                )
                .col(integer(Outbox::Attempts).default(0))
                .col(timestamp_with_time_zone(Outbox::AvailableAt))
                .col(timestamp_with_time_zone_null(Outbox::LockedUntil))
                .col(text_null(Outbox::LastError))
                .col(timestamp_with_time_zone(Outbox::CreatedAt))
                .col(timestamp_with_time_zone_null(Outbox::ProcessedAt))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_outbox_due",
            Outbox::Table,
            [Outbox::Status, Outbox::AvailableAt],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Outbox::Table.into_iden(),
            AuthThrottle::Table.into_iden(),
            Sessions::Table.into_iden(),
            Addresses::Table.into_iden(),
            RecoveryCodes::Table.into_iden(),
            UserTokens::Table.into_iden(),
            Users::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
