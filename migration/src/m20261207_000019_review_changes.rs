//! Published reviews in the change feed (topic `product`, subject = the
//! reviewed product): a product's page shows its published reviews, their
//! helpful counts, photos and the shop's replies, and both the page cache
//! and the held review pages must let go when any of them changes. Reviews
//! waiting for moderation show nowhere, so their writes add no row.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::helpers::{run, run_for_backend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const PUBLISHED: &str = "'published'";

/// The photo's review is published.
fn photo_shown(row: &str) -> String {
    format!("EXISTS (SELECT 1 FROM reviews WHERE id = {row}.review_id AND status = {PUBLISHED})")
}

fn photo_product(row: &str) -> String {
    format!("(SELECT product_id FROM reviews WHERE id = {row}.review_id)")
}

fn sqlite_up() -> Vec<String> {
    let reviews = [
        ("insert", format!("NEW.status = {PUBLISHED}"), "NEW"),
        (
            "update",
            format!("NEW.status = {PUBLISHED} OR OLD.status = {PUBLISHED}"),
            "NEW",
        ),
        ("delete", format!("OLD.status = {PUBLISHED}"), "OLD"),
    ]
    .map(|(op, when, row)| {
        format!(
            "CREATE TRIGGER change_reviews_{op} AFTER {upper} ON reviews WHEN {when}
             BEGIN
               INSERT INTO change_feed (topic, subject) VALUES ('product', {row}.product_id);
             END",
            upper = op.to_uppercase()
        )
    });
    let photos = [("insert", "NEW"), ("update", "NEW"), ("delete", "OLD")].map(|(op, row)| {
        format!(
            "CREATE TRIGGER change_review_photos_{op} AFTER {upper} ON review_photos
             WHEN {shown}
             BEGIN
               INSERT INTO change_feed (topic, subject) VALUES ('product', {product});
             END",
            upper = op.to_uppercase(),
            shown = photo_shown(row),
            product = photo_product(row),
        )
    });
    reviews.into_iter().chain(photos).collect()
}

fn postgres_up() -> Vec<String> {
    vec![
        format!(
            "CREATE FUNCTION change_feed_reviews() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF TG_OP <> 'DELETE' AND NEW.status = {PUBLISHED} THEN
                 INSERT INTO change_feed (topic, subject) VALUES ('product', NEW.product_id);
               ELSIF TG_OP <> 'INSERT' AND OLD.status = {PUBLISHED} THEN
                 INSERT INTO change_feed (topic, subject) VALUES ('product', OLD.product_id);
               ELSE
                 RETURN NULL;
               END IF;
               PERFORM pg_notify('mercato_changes', '');
               RETURN NULL;
             END $$"
        ),
        "CREATE TRIGGER change_feed_reviews AFTER INSERT OR UPDATE OR DELETE ON reviews
         FOR EACH ROW EXECUTE FUNCTION change_feed_reviews()"
            .to_owned(),
        format!(
            "CREATE FUNCTION change_feed_review_photos() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF TG_OP = 'DELETE' THEN
                 IF {old_shown} THEN
                   INSERT INTO change_feed (topic, subject) VALUES ('product', {old_product});
                   PERFORM pg_notify('mercato_changes', '');
                 END IF;
               ELSIF {new_shown} THEN
                 INSERT INTO change_feed (topic, subject) VALUES ('product', {new_product});
                 PERFORM pg_notify('mercato_changes', '');
               END IF;
               RETURN NULL;
             END $$",
            old_shown = photo_shown("OLD"),
            old_product = photo_product("OLD"),
            new_shown = photo_shown("NEW"),
            new_product = photo_product("NEW"),
        ),
        "CREATE TRIGGER change_feed_review_photos AFTER INSERT OR UPDATE OR DELETE ON review_photos
         FOR EACH ROW EXECUTE FUNCTION change_feed_review_photos()"
            .to_owned(),
    ]
}

fn down(backend: DatabaseBackend) -> Vec<String> {
    match backend {
        DatabaseBackend::Postgres => ["reviews", "review_photos"]
            .iter()
            .flat_map(|t| {
                [
                    format!("DROP TRIGGER IF EXISTS change_feed_{t} ON {t}"),
                    format!("DROP FUNCTION IF EXISTS change_feed_{t}()"),
                ]
            })
            .collect(),
        _ => ["reviews", "review_photos"]
            .iter()
            .flat_map(|t| {
                ["insert", "update", "delete"]
                    .map(|op| format!("DROP TRIGGER IF EXISTS change_{t}_{op}"))
            })
            .collect(),
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run_for_backend(m, postgres_up, sqlite_up).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, down(m.get_database_backend())).await
    }
}
