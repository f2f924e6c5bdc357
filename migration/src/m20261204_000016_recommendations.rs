//! Recommendations, precomputed by a background refresh so no request does
//! the counting: per product, the products bought with it (co-occurrence
//! in paid orders) and similar ones (category, brand, shared words), each
//! with the score that ranked it; per product, a trending score (views and
//! orders, decayed by age) and units sold (the fallback when data is
//! thin); and staff rules pinning or excluding a product for another.
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Recommendations {
    Table,
    ProductId,
    Kind,
    RecommendedId,
    Score,
    Position,
}

#[derive(DeriveIden)]
enum ProductSignals {
    Table,
    ProductId,
    Trending,
    Views,
    Orders,
    Sold,
}

#[derive(DeriveIden)]
enum RecommendationRules {
    Table,
    ProductId,
    RecommendedId,
    Rule,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
}

fn recommendations_table() -> TableCreateStatement {
    Table::create()
        .table(Recommendations::Table)
        .col(integer(Recommendations::ProductId))
        .col(
            string_len(Recommendations::Kind, 12)
                .check(Expr::col(Recommendations::Kind).is_in(["also_bought", "similar"])),
        )
        .col(integer(Recommendations::RecommendedId))
        .col(big_integer(Recommendations::Score))
        .col(small_integer(Recommendations::Position))
        .primary_key(
            Index::create()
                .col(Recommendations::ProductId)
                .col(Recommendations::Kind)
                .col(Recommendations::RecommendedId),
        )
        .foreign_key(&mut fk(
            "fk_recommendations_product",
            (Recommendations::Table, Recommendations::ProductId),
            (Products::Table, Products::Id),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut fk(
            "fk_recommendations_recommended",
            (Recommendations::Table, Recommendations::RecommendedId),
            (Products::Table, Products::Id),
            ForeignKeyAction::Cascade,
        ))
        .take()
}

fn signals_table() -> TableCreateStatement {
    Table::create()
        .table(ProductSignals::Table)
        .col(integer(ProductSignals::ProductId).primary_key())
        // Views and orders of the last weeks, each halved every few days
        // (thousandths, so it stays an integer).
        .col(big_integer(ProductSignals::Trending))
        .col(integer(ProductSignals::Views))
        .col(integer(ProductSignals::Orders))
        // Units in paid orders over the last year.
        .col(integer(ProductSignals::Sold))
        .foreign_key(&mut fk(
            "fk_product_signals_product",
            (ProductSignals::Table, ProductSignals::ProductId),
            (Products::Table, Products::Id),
            ForeignKeyAction::Cascade,
        ))
        .take()
}

fn rules_table() -> TableCreateStatement {
    Table::create()
        .table(RecommendationRules::Table)
        .col(integer(RecommendationRules::ProductId))
        .col(integer(RecommendationRules::RecommendedId))
        .col(
            string_len(RecommendationRules::Rule, 8)
                .check(Expr::col(RecommendationRules::Rule).is_in(["pin", "exclude"])),
        )
        .col(timestamp_with_time_zone(RecommendationRules::CreatedAt))
        .primary_key(
            Index::create()
                .col(RecommendationRules::ProductId)
                .col(RecommendationRules::RecommendedId),
        )
        .foreign_key(&mut fk(
            "fk_recommendation_rules_product",
            (RecommendationRules::Table, RecommendationRules::ProductId),
            (Products::Table, Products::Id),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut fk(
            "fk_recommendation_rules_recommended",
            (
                RecommendationRules::Table,
                RecommendationRules::RecommendedId,
            ),
            (Products::Table, Products::Id),
            ForeignKeyAction::Cascade,
        ))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(recommendations_table()).await?;
        m.create_table(signals_table()).await?;
        m.create_table(rules_table()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RecommendationRules::Table.into_iden(),
            ProductSignals::Table.into_iden(),
            Recommendations::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).take()).await?;
        }
        Ok(())
    }
}
