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
