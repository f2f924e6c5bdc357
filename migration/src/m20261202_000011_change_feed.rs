//! The change feed: every write that changes what shoppers see appends a
//! row here in the same transaction, so each instance can evict exactly the
//! cached pages it affects (decision D35 in docs/ARCHITECTURE.md).
//!
//! Triggers, not application code, append the rows: every path that writes
//! these tables (admin forms, CSV import, checkout reservations, a hand-run
//! SQL fix) is covered, and the row commits or rolls back with the write.
//! Topics: `product` (subject = product id, NULL when it could not be told),
//! `category` (category id) and `store` (profile, shipping, taxes: no
//! subject). Stock only counts when a variant's availability moves between
//! the bands the shop shows: sold out, "only a few left" (1–5), in stock.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::helpers::run;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, topic, the column naming the subject, or a subquery on NEW/OLD).
const ROW_SOURCES: &[(&str, &str, &str)] = &[
    ("products", "product", "{row}.id"),
    ("variants", "product", "{row}.product_id"),
    ("product_images", "product", "{row}.product_id"),
    ("product_options", "product", "{row}.product_id"),
    (
        "product_option_values",
        "product",
        "(SELECT product_id FROM product_options WHERE id = {row}.option_id)",
    ),
    (
        "variant_option_values",
        "product",
        "(SELECT product_id FROM variants WHERE id = {row}.variant_id)",
    ),
    ("categories", "category", "{row}.id"),
    ("store_profile", "store", "NULL"),
    ("shipping_methods", "store", "NULL"),
    ("tax_rates", "store", "NULL"),
];

/// A variant's availability band: 0 sold out, 1 a few left, 2 in stock.
/// The product page's wording uses the same limit (5).
fn band(units: &str) -> String {
    format!("(CASE WHEN ({units}) <= 0 THEN 0 WHEN ({units}) <= 5 THEN 1 ELSE 2 END)")
}

/// Units of NEW's variant after the write, and before it.
const AFTER_UNITS: &str =
    "(SELECT COALESCE(SUM(on_hand - reserved), 0) FROM stock_levels WHERE variant_id = NEW.variant_id)";

fn before_units(old: &str) -> String {
    format!("({AFTER_UNITS} - (NEW.on_hand - NEW.reserved) + ({old}))")
}

fn sqlite_up() -> Vec<String> {
    let mut sql = vec![
        "CREATE TABLE change_feed (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            topic TEXT NOT NULL,
            subject INTEGER NULL,
            created_at INTEGER NOT NULL DEFAULT (CAST(strftime('%s','now') AS INTEGER))
        )"
        .to_owned(),
        "CREATE INDEX idx_change_feed_created_at ON change_feed (created_at)".to_owned(),
    ];
    for (table, topic, subject) in ROW_SOURCES {
        for (op, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
            let subject = subject.replace("{row}", row);
            sql.push(format!(
                "CREATE TRIGGER change_{table}_{op} AFTER {op} ON {table} BEGIN
                   INSERT INTO change_feed (topic, subject) VALUES ('{topic}', {subject});
                 END",
                op = op.to_lowercase(),
            ));
        }
        // A product's slug may change: its old page is evicted by id, which
        // every cached page records, so no OLD.slug is needed.
    }
    for (op, old) in [
        ("INSERT", "0".to_owned()),
        ("UPDATE", "OLD.on_hand - OLD.reserved".to_owned()),
    ] {
        sql.push(format!(
            "CREATE TRIGGER change_stock_levels_{lower} AFTER {op} ON stock_levels
             WHEN {after} <> {before}
             BEGIN
               INSERT INTO change_feed (topic, subject)
               VALUES ('product', (SELECT product_id FROM variants WHERE id = NEW.variant_id));
             END",
            lower = op.to_lowercase(),
            after = band(AFTER_UNITS),
            before = band(&before_units(&old)),
        ));
    }
    sql
}

fn postgres_up() -> Vec<String> {
    let mut sql = vec![
        "CREATE TABLE change_feed (
            id BIGSERIAL PRIMARY KEY,
            topic VARCHAR(16) NOT NULL,
            subject INTEGER NULL,
            created_at BIGINT NOT NULL DEFAULT (EXTRACT(EPOCH FROM now())::BIGINT)
        )"
        .to_owned(),
        "CREATE INDEX idx_change_feed_created_at ON change_feed (created_at)".to_owned(),
    ];
    for (table, topic, subject) in ROW_SOURCES {
        let new = subject.replace("{row}", "NEW");
        let old = subject.replace("{row}", "OLD");
        sql.push(format!(
            "CREATE FUNCTION change_feed_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF TG_OP = 'DELETE' THEN
                 INSERT INTO change_feed (topic, subject) VALUES ('{topic}', {old});
               ELSE
                 INSERT INTO change_feed (topic, subject) VALUES ('{topic}', {new});
               END IF;
               -- Delivered at commit, and only then: followers wake at once.
               PERFORM pg_notify('mercato_changes', '');
               RETURN NULL;
             END $$"
        ));
        sql.push(format!(
            "CREATE TRIGGER change_feed_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}
             FOR EACH ROW EXECUTE FUNCTION change_feed_{table}()"
        ));
    }
    let old_units = "CASE WHEN TG_OP = 'UPDATE' THEN OLD.on_hand - OLD.reserved ELSE 0 END";
    sql.push(format!(
        "CREATE FUNCTION change_feed_stock_levels() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF {after} <> {before} THEN
             INSERT INTO change_feed (topic, subject)
             VALUES ('product', (SELECT product_id FROM variants WHERE id = NEW.variant_id));
             PERFORM pg_notify('mercato_changes', '');
           END IF;
           RETURN NULL;
         END $$",
        after = band(AFTER_UNITS),
        before = band(&before_units(old_units)),
    ));
    sql.push(
        "CREATE TRIGGER change_feed_stock_levels AFTER INSERT OR UPDATE ON stock_levels
         FOR EACH ROW EXECUTE FUNCTION change_feed_stock_levels()"
            .to_owned(),
    );
    sql
}

fn down(backend: DatabaseBackend) -> Vec<String> {
    let mut sql = Vec::new();
    let tables = ROW_SOURCES
        .iter()
        .map(|(t, _, _)| *t)
        .chain(["stock_levels"]);
    for table in tables {
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
    sql.push("DROP TABLE change_feed".to_owned());
    sql
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let statements = match m.get_database_backend() {
            DatabaseBackend::Postgres => postgres_up(),
            _ => sqlite_up(),
        };
        run(m, statements).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, down(m.get_database_backend())).await
    }
}
