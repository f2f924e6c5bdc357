//! A low-stock level per product, replacing the one level of 5 the whole
//! shop shared: alerts and the dashboard compare each warehouse's sellable
//! units of a variant against its product's level.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Products {
    Table,
    LowStockThreshold,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // The old shop-wide level, so existing products alert as before.
        m.alter_table(
            Table::alter()
                .table(Products::Table)
                .add_column(integer(Products::LowStockThreshold).default(5))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Products::Table)
                .drop_column(Products::LowStockThreshold)
                .take(),
        )
        .await
    }
}
