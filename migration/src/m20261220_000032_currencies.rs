//! Selling in several currencies: the ones the shop converts its base
//! prices to (rate and rounding set by the admin), prices set by hand per
//! variant and currency, and the rate each order was placed at (minor units
//! of its currency per minor unit of the base, nine decimals) so revenue
//! adds up in the base currency.
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{change_triggers, drop_change_triggers, fk, run};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Currencies {
    Table,
    Code,
    RateE9,
    Rounding,
    Position,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum VariantPrices {
    Table,
    VariantId,
    Currency,
    PriceMinor,
    CompareAtMinor,
}

#[derive(DeriveIden)]
enum Variants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    FxRateE9,
}

const ROUNDINGS: [&str; 3] = ["exact", "whole", "ninety_nine"];

/// Currencies change every converted price (topic `store`: evict broadly);
/// a list price changes its product.
const SOURCES: [(&str, &str, &str); 2] = [
    ("currencies", "store", "NULL"),
    (
        "variant_prices",
        "product",
        "(SELECT product_id FROM variants WHERE id = {row}.variant_id)",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Currencies::Table)
                .col(string_len(Currencies::Code, 3).primary_key())
                .col(big_integer(Currencies::RateE9).check(Expr::col(Currencies::RateE9).gt(0)))
                .col(
                    string_len(Currencies::Rounding, 16)
                        .check(Expr::col(Currencies::Rounding).is_in(ROUNDINGS)),
                )
                .col(integer(Currencies::Position).default(0))
                .col(timestamp_with_time_zone(Currencies::UpdatedAt))
                .take(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(VariantPrices::Table)
                .col(integer(VariantPrices::VariantId))
                .col(string_len(VariantPrices::Currency, 3))
                .col(
                    big_integer(VariantPrices::PriceMinor)
                        .check(Expr::col(VariantPrices::PriceMinor).gte(0)),
                )
                .col(big_integer_null(VariantPrices::CompareAtMinor))
                .primary_key(
                    Index::create()
                        .col(VariantPrices::VariantId)
                        .col(VariantPrices::Currency),
                )
                .foreign_key(&mut fk(
                    "fk_variant_prices_variant",
                    (VariantPrices::Table, VariantPrices::VariantId),
                    (Variants::Table, Variants::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .add_column(big_integer(Orders::FxRateE9).default(1_000_000_000_i64))
                .take(),
        )
        .await?;
        run(m, change_triggers(m.get_database_backend(), &SOURCES)).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let tables = SOURCES.map(|(table, _, _)| table);
        run(m, drop_change_triggers(m.get_database_backend(), &tables)).await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .drop_column(Orders::FxRateE9)
                .take(),
        )
        .await?;
        m.drop_table(Table::drop().table(VariantPrices::Table).take())
            .await?;
        m.drop_table(Table::drop().table(Currencies::Table).take())
            .await
    }
}
