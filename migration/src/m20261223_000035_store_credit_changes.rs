//! Store credit in the change feed (topic `account`, subject = the
//! customer): every instance holds a customer's balance for the account
//! page and drops it when any instance moves it (credit granted, spent at
//! checkout, given back, refunded to it).
use sea_orm_migration::prelude::*;

use crate::helpers::{change_triggers, drop_change_triggers, run};

#[derive(DeriveMigrationName)]
pub struct Migration;

const SOURCES: [(&str, &str, &str); 1] = [("store_credits", "account", "{row}.user_id")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, change_triggers(m.get_database_backend(), &SOURCES)).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let tables = SOURCES.map(|(table, _, _)| table);
        run(m, drop_change_triggers(m.get_database_backend(), &tables)).await
    }
}
