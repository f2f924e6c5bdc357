//! Typed product attributes: each category defines attributes (text,
//! number with a unit, yes/no, choice, multi-choice, colour swatch) that
//! its products and those of its subcategories carry. Codes are shop-wide,
//! so one code names one facet in search and in every listing. A product
//! holds one row per value (a multi-choice holds several). Both tables feed
//! the change feed: a definition changes the category's pages and facets
//! (topic `category`), a value the product's (topic `product`).
use crate::helpers::{fk, index, run, unique};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

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

fn sqlite_triggers() -> Vec<String> {
    let mut sql = Vec::new();
    for (table, topic, subject) in SOURCES {
        for (op, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
            sql.push(format!(
                "CREATE TRIGGER change_{table}_{lower} AFTER {op} ON {table} BEGIN
                   INSERT INTO change_feed (topic, subject) VALUES ('{topic}', {subject});
                 END",
                lower = op.to_lowercase(),
                subject = subject.replace("{row}", row),
            ));
        }
    }
    sql
}

fn postgres_triggers() -> Vec<String> {
    let mut sql = Vec::new();
    for (table, topic, subject) in SOURCES {
        sql.push(format!(
            "CREATE FUNCTION change_feed_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF TG_OP = 'DELETE' THEN
                 INSERT INTO change_feed (topic, subject) VALUES ('{topic}', {old});
               ELSE
                 INSERT INTO change_feed (topic, subject) VALUES ('{topic}', {new});
               END IF;
               PERFORM pg_notify('mercato_changes', '');
               RETURN NULL;
             END $$",
            old = subject.replace("{row}", "OLD"),
            new = subject.replace("{row}", "NEW"),
        ));
        sql.push(format!(
            "CREATE TRIGGER change_feed_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}
             FOR EACH ROW EXECUTE FUNCTION change_feed_{table}()"
        ));
    }
    sql
}

fn drop_triggers(backend: DatabaseBackend) -> Vec<String> {
    let mut sql = Vec::new();
    for (table, _, _) in SOURCES {
        match backend {
            DatabaseBackend::Postgres => {
                sql.push(format!(
                    "DROP TRIGGER IF EXISTS change_feed_{table} ON {table}"
                ));
                sql.push(format!("DROP FUNCTION IF EXISTS change_feed_{table}()"));
            }
            _ => {
                for op in ["insert", "update", "delete"] {
                    sql.push(format!("DROP TRIGGER IF EXISTS change_{table}_{op}"));
                }
            }
        }
    }
    sql
}

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
        let triggers = match m.get_database_backend() {
            DatabaseBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        run(m, triggers).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, drop_triggers(m.get_database_backend())).await?;
        m.drop_table(Table::drop().table(ProductAttributes::Table).take())
            .await?;
        m.drop_table(Table::drop().table(Attributes::Table).take())
            .await
    }
}
