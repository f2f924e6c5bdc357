//! A category's name and description written in another language than the
//! catalog's own (English). A missing translation shows the English.
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{change_triggers, drop_change_triggers, fk, run};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CategoryTranslations {
    Table,
    CategoryId,
    Locale,
    Name,
    Description,
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
}

/// A translation changes every page that names its category.
const SOURCES: [(&str, &str, &str); 1] =
    [("category_translations", "category", "{row}.category_id")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CategoryTranslations::Table)
                .col(integer(CategoryTranslations::CategoryId))
                .col(string_len(CategoryTranslations::Locale, 8))
                .col(string_len(CategoryTranslations::Name, 80))
                .col(text(CategoryTranslations::Description))
                .primary_key(
                    Index::create()
                        .col(CategoryTranslations::CategoryId)
                        .col(CategoryTranslations::Locale),
                )
                .foreign_key(&mut fk(
                    "fk_category_translations_category",
                    (
                        CategoryTranslations::Table,
                        CategoryTranslations::CategoryId,
                    ),
                    (Categories::Table, Categories::Id),
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
        m.drop_table(Table::drop().table(CategoryTranslations::Table).to_owned())
            .await
    }
}
