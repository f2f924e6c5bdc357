//! Small builders shared by the migrations (names only; no schema lives here).
use sea_orm_migration::prelude::*;

pub(crate) fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .take()
}

pub(crate) async fn index<T, C, const N: usize>(
    m: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: [C; N],
) -> Result<(), DbErr>
where
    T: IntoIden,
    C: IntoIden,
{
    let mut stmt = Index::create().name(name).table(table).take();
    for c in cols {
        stmt.col(c);
    }
    m.create_index(stmt).await
}

pub(crate) async fn unique<T, C, const N: usize>(
    m: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: [C; N],
) -> Result<(), DbErr>
where
    T: IntoIden,
    C: IntoIden,
{
    let mut stmt = Index::create().name(name).table(table).unique().take();
    for c in cols {
        stmt.col(c);
    }
    m.create_index(stmt).await
}

/// Runs raw statements in order (triggers and functions sea-query cannot
/// build).
pub(crate) async fn run(m: &SchemaManager<'_>, statements: Vec<String>) -> Result<(), DbErr> {
    let db = m.get_connection();
    for statement in statements {
        db.execute_unprepared(&statement).await?;
    }
    Ok(())
}

/// Runs the statements written for the connection's backend.
pub(crate) async fn run_for_backend(
    m: &SchemaManager<'_>,
    postgres: impl FnOnce() -> Vec<String>,
    sqlite: impl FnOnce() -> Vec<String>,
) -> Result<(), DbErr> {
    let statements = match m.get_database_backend() {
        sea_orm_migration::sea_orm::DatabaseBackend::Postgres => postgres(),
        _ => sqlite(),
    };
    run(m, statements).await
}

/// Change-feed triggers (see `m20261202_000011_change_feed`) for tables
/// added later: each source is (table, topic, subject on `{row}`).
pub(crate) fn change_triggers(
    backend: sea_orm_migration::sea_orm::DatabaseBackend,
    sources: &[(&str, &str, &str)],
) -> Vec<String> {
    let mut sql = Vec::new();
    for (table, topic, subject) in sources {
        let (old, new) = (
            subject.replace("{row}", "OLD"),
            subject.replace("{row}", "NEW"),
        );
        if backend == sea_orm_migration::sea_orm::DatabaseBackend::Postgres {
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
             END $$"
            ));
            sql.push(format!(
                "CREATE TRIGGER change_feed_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}
             FOR EACH ROW EXECUTE FUNCTION change_feed_{table}()"
            ));
            continue;
        }
        for (op, row) in [("INSERT", &new), ("UPDATE", &new), ("DELETE", &old)] {
            sql.push(format!(
                "CREATE TRIGGER change_{table}_{lower} AFTER {op} ON {table} BEGIN
                   INSERT INTO change_feed (topic, subject) VALUES ('{topic}', {row});
                 END",
                lower = op.to_lowercase(),
            ));
        }
    }
    sql
}

/// Drops what [`change_triggers`] created.
pub(crate) fn drop_change_triggers(
    backend: sea_orm_migration::sea_orm::DatabaseBackend,
    tables: &[&str],
) -> Vec<String> {
    let mut sql = Vec::new();
    for table in tables {
        if backend == sea_orm_migration::sea_orm::DatabaseBackend::Postgres {
            sql.push(format!(
                "DROP TRIGGER IF EXISTS change_feed_{table} ON {table}"
            ));
            sql.push(format!("DROP FUNCTION IF EXISTS change_feed_{table}()"));
        } else {
            for op in ["insert", "update", "delete"] {
                sql.push(format!("DROP TRIGGER IF EXISTS change_{table}_{op}"));
            }
        }
    }
    sql
}
