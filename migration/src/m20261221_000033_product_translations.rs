//! A product's title and description written in another language than
//! the catalog's own (English). A missing translation shows the English.
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{change_triggers, drop_change_triggers, fk, run};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ProductTranslations {
    Table,
    ProductId,
    Locale,
    Title,
    Description,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
}

/// A translation changes its product's pages.
const SOURCES: [(&str, &str, &str); 1] = [("product_translations", "product", "{row}.product_id")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ProductTranslations::Table)
                .col(integer(ProductTranslations::ProductId))
                .col(string_len(ProductTranslations::Locale, 8))
                .col(string_len(ProductTranslations::Title, 200))
                .col(text(ProductTranslations::Description))
                .col(timestamp_with_time_zone(ProductTranslations::UpdatedAt))
                .primary_key(
                    Index::create()
                        .col(ProductTranslations::ProductId)
                        .col(ProductTranslations::Locale),
                )
                .foreign_key(&mut fk(
                    "fk_product_translations_product",
                    (ProductTranslations::Table, ProductTranslations::ProductId),
                    (Products::Table, Products::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        run(m, change_triggers(m.get_database_backend(), &SOURCES)).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let tables = SOURCES.map(|(table, _, _)| table);
        run(m, drop_change_triggers(m.get_database_backend(), &tables)).await?;
        m.drop_table(Table::drop().table(ProductTranslations::Table).to_owned())
            .await
    }
}
