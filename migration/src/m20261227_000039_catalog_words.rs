//! The catalog's option and attribute words ("Size", "Navy", "Cotton") in
//! the languages other than the catalog's own, one row per word and
//! language for the whole shop.
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{change_triggers, drop_change_triggers, run};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CatalogWords {
    Table,
    Word,
    Locale,
    Translation,
}

/// Every page may show a word: the whole shop changes.
const SOURCES: [(&str, &str, &str); 1] = [("catalog_words", "store", "NULL")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CatalogWords::Table)
                .col(string_len(CatalogWords::Word, 120))
                .col(string_len(CatalogWords::Locale, 8))
                .col(string_len(CatalogWords::Translation, 120))
                .primary_key(
                    Index::create()
                        .col(CatalogWords::Word)
                        .col(CatalogWords::Locale),
                )
                .take(),
        )
        .await?;
        run(m, change_triggers(m.get_database_backend(), &SOURCES)).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let tables = SOURCES.map(|(table, _, _)| table);
        run(m, drop_change_triggers(m.get_database_backend(), &tables)).await?;
        m.drop_table(Table::drop().table(CatalogWords::Table).to_owned())
            .await
    }
}
