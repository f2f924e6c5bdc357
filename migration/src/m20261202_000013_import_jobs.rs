//! CSV imports as rows every instance can read: staff start an import on
//! one instance and follow its progress through a balancer that sends the
//! polls anywhere. See `domain::catalog::import_jobs`.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ImportJobs {
    Table,
    Id,
    OwnerId,
    Total,
    Done,
    State,
    Created,
    Updated,
    Unchanged,
    Error,
    StartedAt,
    BeatAt,
    EndedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ImportJobs::Table)
                .col(string_len(ImportJobs::Id, 32).primary_key())
                .col(integer_null(ImportJobs::OwnerId))
                .col(integer(ImportJobs::Total))
                .col(integer(ImportJobs::Done))
                .col(
                    string_len(ImportJobs::State, 10).check(
                        Expr::col(ImportJobs::State).is_in(["running", "finished", "failed"]),
                    ),
                )
                .col(integer_null(ImportJobs::Created))
                .col(integer_null(ImportJobs::Updated))
                .col(integer_null(ImportJobs::Unchanged))
                .col(text_null(ImportJobs::Error))
                .col(big_integer(ImportJobs::StartedAt))
                // The running instance's heartbeat: a job whose instance
                // died stops beating and reads as failed.
                .col(big_integer(ImportJobs::BeatAt))
                .col(big_integer_null(ImportJobs::EndedAt))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ImportJobs::Table).take())
            .await
    }
}
