//! The currency a wishlist was last saved to in: its alert mails quote
//! prices in it (NULL: the shop's base, as before).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Wishlists {
    Table,
    Currency,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Wishlists::Table)
                .add_column(string_len_null(Wishlists::Currency, 3))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Wishlists::Table)
                .drop_column(Wishlists::Currency)
                .take(),
        )
        .await
    }
}
