//! The store's identity, edited in the admin: name, currency, mail sender and
//! order-number prefix. One row (id 1); the server creates it on first start
//! from its configuration.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StoreProfile {
    Table,
    Id,
    Name,
    Currency,
    MailFromName,
    MailFromAddress,
    OrderPrefix,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(StoreProfile::Table)
                .col(integer(StoreProfile::Id).primary_key())
                .col(string_len(StoreProfile::Name, 80))
                .col(char_len(StoreProfile::Currency, 3))
                .col(string_len(StoreProfile::MailFromName, 80))
                .col(string_len(StoreProfile::MailFromAddress, 254))
                .col(string_len(StoreProfile::OrderPrefix, 8))
                .col(timestamp_with_time_zone(StoreProfile::UpdatedAt))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(StoreProfile::Table).to_owned())
            .await
    }
}
