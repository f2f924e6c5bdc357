//! Sign-in with an identity provider (OpenID Connect): an account's link
//! to a provider's subject. One subject signs in to one account; an account
//! links each provider at most once.
use crate::helpers::{fk, index, unique};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum UserIdentities {
    Table,
    Id,
    UserId,
    Provider,
    Subject,
    Email,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(UserIdentities::Table)
                .col(pk_auto(UserIdentities::Id))
                .col(integer(UserIdentities::UserId))
                .col(string_len(UserIdentities::Provider, 20))
                .col(string_len(UserIdentities::Subject, 255))
                .col(string_len(UserIdentities::Email, 254).default(""))
                .col(timestamp_with_time_zone(UserIdentities::CreatedAt))
                .col(timestamp_with_time_zone(UserIdentities::LastUsedAt))
                .foreign_key(&mut fk(
                    "fk_user_identities_user",
                    (UserIdentities::Table, UserIdentities::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(
            m,
            "ux_user_identities_subject",
            UserIdentities::Table,
            [UserIdentities::Provider, UserIdentities::Subject],
        )
        .await?;
        unique(
            m,
            "ux_user_identities_user_provider",
            UserIdentities::Table,
            [UserIdentities::UserId, UserIdentities::Provider],
        )
        .await?;
        index(
            m,
            "ix_user_identities_user",
            UserIdentities::Table,
            [UserIdentities::UserId],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(UserIdentities::Table).take())
            .await
    }
}
