//! The lowest price each product shows in each currency the shop sells in
//! beside its base one (a list price where one is set, else the base price
//! converted and rounded): what listings and search sort by in that
//! currency. Derived from variants, list prices and the currencies, and
//! rewritten with them.
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ProductPrices {
    Table,
    ProductId,
    Currency,
    PriceMinMinor,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ProductPrices::Table)
                .col(integer(ProductPrices::ProductId))
                .col(string_len(ProductPrices::Currency, 3))
                .col(big_integer(ProductPrices::PriceMinMinor))
                .primary_key(
                    Index::create()
                        .col(ProductPrices::ProductId)
                        .col(ProductPrices::Currency),
                )
                .foreign_key(&mut fk(
                    "fk_product_prices_product",
                    (ProductPrices::Table, ProductPrices::ProductId),
                    (Products::Table, Products::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ProductPrices::Table).take())
            .await
    }
}
