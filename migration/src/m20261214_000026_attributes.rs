//! Typed product attributes: each category defines attributes (text,
//! number with a unit, yes/no, choice, multi-choice, colour swatch) that
//! its products and those of its subcategories carry. Codes are shop-wide,
//! so one code names one facet in search and in every listing. A product
//! holds one row per value (a multi-choice holds several). Both tables feed
//! the change feed: a definition changes the category's pages and facets
//! (topic `category`), a value the product's (topic `product`).
use crate::helpers::{change_triggers, drop_change_triggers, fk, index, run, unique};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Attributes {
    Table,
    Id,
    CategoryId,
    Code,
    Name,
    Kind,
    Unit,
    Choices,
    Filterable,
    Position,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ProductAttributes {
    Table,
    ProductId,
    AttributeId,
    Value,
    Position,
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
}

const KINDS: [&str; 6] = [
    "text",
    "number",
    "boolean",
    "choice",
    "multi_choice",
    "colour",
];

/// (table, topic, subject on a row).
const SOURCES: [(&str, &str, &str); 2] = [
    ("attributes", "category", "{row}.category_id"),
    ("product_attributes", "product", "{row}.product_id"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Attributes::Table)
                .col(pk_auto(Attributes::Id))
                .col(integer(Attributes::CategoryId))
                .col(string_len(Attributes::Code, 40))
                .col(string_len(Attributes::Name, 60))
                .col(
                    string_len(Attributes::Kind, 16)
                        .check(Expr::col(Attributes::Kind).is_in(KINDS)),
                )
                .col(string_len(Attributes::Unit, 16).default(""))
                // JSON: [{"value": "Navy", "swatch": "#1f2a44"}, …]
                .col(text(Attributes::Choices))
                .col(boolean(Attributes::Filterable).default(true))
                .col(integer(Attributes::Position).default(0))
                .col(timestamp_with_time_zone(Attributes::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_attributes_category",
                    (Attributes::Table, Attributes::CategoryId),
                    (Categories::Table, Categories::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(
            m,
            "ux_attributes_code",
            Attributes::Table,
            [Attributes::Code],
        )
        .await?;
        index(
            m,
            "ix_attributes_category",
            Attributes::Table,
            [Attributes::CategoryId],
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ProductAttributes::Table)
                .col(integer(ProductAttributes::ProductId))
                .col(integer(ProductAttributes::AttributeId))
                .col(string_len(ProductAttributes::Value, 200))
                .col(integer(ProductAttributes::Position).default(0))
                .primary_key(
                    Index::create()
                        .col(ProductAttributes::ProductId)
                        .col(ProductAttributes::AttributeId)
                        .col(ProductAttributes::Value),
                )
                .foreign_key(&mut fk(
                    "fk_product_attributes_product",
                    (ProductAttributes::Table, ProductAttributes::ProductId),
                    (Products::Table, Products::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_product_attributes_attribute",
                    (ProductAttributes::Table, ProductAttributes::AttributeId),
                    (Attributes::Table, Attributes::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        // Facet counts and filters go from an attribute's values to products.
        index(
            m,
            "ix_product_attributes_value",
            ProductAttributes::Table,
            [ProductAttributes::AttributeId, ProductAttributes::Value],
        )
        .await?;
        run(m, change_triggers(m.get_database_backend(), &SOURCES)).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let tables = SOURCES.map(|(table, _, _)| table);
        run(m, drop_change_triggers(m.get_database_backend(), &tables)).await?;
        m.drop_table(Table::drop().table(ProductAttributes::Table).take())
            .await?;
        m.drop_table(Table::drop().table(Attributes::Table).take())
            .await
    }
}
