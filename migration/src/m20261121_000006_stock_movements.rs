//! Stock movements: every change to a shelf count (sale, restock, staff
//! adjustment with a reason, import), so inventory has a history.
use crate::helpers::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StockMovements {
    Table,
    Id,
    VariantId,
    WarehouseId,
    Delta,
    OnHandAfter,
    Reason,
    Note,
    ActorId,
    OrderId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Variants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Warehouses {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(StockMovements::Table)
                .col(big_pk_auto(StockMovements::Id))
                .col(integer(StockMovements::VariantId))
                .col(integer(StockMovements::WarehouseId))
                .col(integer(StockMovements::Delta))
                .col(integer(StockMovements::OnHandAfter))
                .col(string_len(StockMovements::Reason, 24))
                .col(string_len(StockMovements::Note, 500).default(""))
                .col(integer_null(StockMovements::ActorId))
                .col(integer_null(StockMovements::OrderId))
                .col(timestamp_with_time_zone(StockMovements::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_movements_variant",
                    (StockMovements::Table, StockMovements::VariantId),
                    (Variants::Table, Variants::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_movements_warehouse",
                    (StockMovements::Table, StockMovements::WarehouseId),
                    (Warehouses::Table, Warehouses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_movements_variant",
            StockMovements::Table,
            [StockMovements::VariantId, StockMovements::CreatedAt],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(StockMovements::Table).to_owned())
            .await
    }
}
