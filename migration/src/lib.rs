//! Schema migrations. One file per schema change; a migration is never edited
//! once it has landed — add a new one instead.
pub use sea_orm_migration::prelude::*;

mod m20261121_000001_catalog;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(m20261121_000001_catalog::Migration)]
    }
}
