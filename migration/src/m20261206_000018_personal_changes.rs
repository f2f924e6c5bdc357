//! Carts and wishlists in the change feed (topic `account`, subject = the
//! customer's id): every instance holds a signed-in customer's cart and
//! wishlist with their user, and drops them when any instance changes
//! either (a line added, a quantity, a cart paid for or merged at
//! sign-in, a list shared). Guests' carts and lists write nothing: no
//! instance holds them.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::helpers::run;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (owning table, its items table, the items' column naming the owner).
const LISTS: [(&str, &str, &str); 2] = [
    ("carts", "cart_items", "cart_id"),
    ("wishlists", "wishlist_items", "wishlist_id"),
];

fn sqlite_up() -> Vec<String> {
    let feed = "INSERT INTO change_feed (topic, subject)";
    LISTS
        .iter()
        .flat_map(|(owner, items, key)| {
            [
                format!(
                    "CREATE TRIGGER change_{owner}_insert AFTER INSERT ON {owner}
                     WHEN NEW.user_id IS NOT NULL
                     BEGIN {feed} VALUES ('account', NEW.user_id); END"
                ),
                // A guest's list becomes a customer's at sign-in: both.
                format!(
                    "CREATE TRIGGER change_{owner}_update AFTER UPDATE ON {owner} BEGIN
                       {feed} SELECT 'account', NEW.user_id WHERE NEW.user_id IS NOT NULL;
                       {feed} SELECT 'account', OLD.user_id
                         WHERE OLD.user_id IS NOT NULL AND OLD.user_id IS NOT NEW.user_id;
                     END"
                ),
                format!(
                    "CREATE TRIGGER change_{owner}_delete AFTER DELETE ON {owner}
                     WHEN OLD.user_id IS NOT NULL
                     BEGIN {feed} VALUES ('account', OLD.user_id); END"
                ),
            ]
            .into_iter()
            .chain(
                [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")].map(|(op, row)| {
                    format!(
                        "CREATE TRIGGER change_{items}_{lower} AFTER {op} ON {items} BEGIN
                           {feed} SELECT 'account', user_id FROM {owner}
                             WHERE id = {row}.{key} AND user_id IS NOT NULL;
                         END",
                        lower = op.to_lowercase()
                    )
                }),
            )
            .collect::<Vec<_>>()
        })
        .collect()
}

fn postgres_up() -> Vec<String> {
    let owned = "CREATE FUNCTION change_feed_personal() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF TG_OP = 'DELETE' THEN
             IF OLD.user_id IS NOT NULL THEN
               INSERT INTO change_feed (topic, subject) VALUES ('account', OLD.user_id);
             END IF;
           ELSE
             IF NEW.user_id IS NOT NULL THEN
               INSERT INTO change_feed (topic, subject) VALUES ('account', NEW.user_id);
             END IF;
             IF TG_OP = 'UPDATE' THEN
               IF OLD.user_id IS NOT NULL AND OLD.user_id IS DISTINCT FROM NEW.user_id THEN
                 INSERT INTO change_feed (topic, subject) VALUES ('account', OLD.user_id);
               END IF;
             END IF;
           END IF;
           PERFORM pg_notify('mercato_changes', '');
           RETURN NULL;
         END $$"
        .to_owned();
    let mut statements = vec![owned];
    for (owner, items, key) in LISTS {
        statements.push(format!(
            "CREATE TRIGGER change_feed_{owner} AFTER INSERT OR UPDATE OR DELETE ON {owner}
             FOR EACH ROW EXECUTE FUNCTION change_feed_personal()"
        ));
        statements.push(format!(
            "CREATE FUNCTION change_feed_{items}() RETURNS trigger LANGUAGE plpgsql AS $$
             DECLARE
               list integer;
             BEGIN
               IF TG_OP = 'DELETE' THEN
                 list := OLD.{key};
               ELSE
                 list := NEW.{key};
               END IF;
               INSERT INTO change_feed (topic, subject)
                 SELECT 'account', user_id FROM {owner} WHERE id = list AND user_id IS NOT NULL;
               IF FOUND THEN
                 PERFORM pg_notify('mercato_changes', '');
               END IF;
               RETURN NULL;
             END $$"
        ));
        statements.push(format!(
            "CREATE TRIGGER change_feed_{items} AFTER INSERT OR UPDATE OR DELETE ON {items}
             FOR EACH ROW EXECUTE FUNCTION change_feed_{items}()"
        ));
    }
    statements
}

fn down(backend: DatabaseBackend) -> Vec<String> {
    match backend {
        DatabaseBackend::Postgres => LISTS
            .iter()
            .flat_map(|(owner, items, _)| {
                [
                    format!("DROP TRIGGER IF EXISTS change_feed_{owner} ON {owner}"),
                    format!("DROP TRIGGER IF EXISTS change_feed_{items} ON {items}"),
                    format!("DROP FUNCTION IF EXISTS change_feed_{items}()"),
                ]
            })
            .chain(["DROP FUNCTION IF EXISTS change_feed_personal()".to_owned()])
            .collect(),
        _ => LISTS
            .iter()
            .flat_map(|(owner, items, _)| {
                ["insert", "update", "delete"]
                    .into_iter()
                    .flat_map(move |op| {
                        [
                            format!("DROP TRIGGER IF EXISTS change_{owner}_{op}"),
                            format!("DROP TRIGGER IF EXISTS change_{items}_{op}"),
                        ]
                    })
            })
            .collect(),
    }
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
