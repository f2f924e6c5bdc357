//! Outbound webhooks: the endpoints admins register (secret sealed under the
//! shop's key: it signs every request, so it must be read back), the events
//! the shop emits (written in the transaction of the change they describe),
//! one delivery per (endpoint, event), and every attempt at it.
use crate::helpers::{fk, index, unique};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum WebhookEndpoints {
    Table,
    Id,
    Url,
    Description,
    Events,
    Secret,
    Enabled,
    DisabledReason,
    FailureStreak,
    FailingSince,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum WebhookEvents {
    Table,
    Id,
    PublicId,
    Kind,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum WebhookDeliveries {
    Table,
    Id,
    EndpointId,
    EventId,
    Status,
    Attempts,
    CreatedAt,
    LastAttemptAt,
    DeliveredAt,
}

#[derive(DeriveIden)]
enum WebhookAttempts {
    Table,
    Id,
    DeliveryId,
    At,
    StatusCode,
    LatencyMs,
    Response,
    Error,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(WebhookEndpoints::Table)
                .col(pk_auto(WebhookEndpoints::Id))
                .col(string_len(WebhookEndpoints::Url, 2048))
                .col(string_len(WebhookEndpoints::Description, 200))
                .col(string_len(WebhookEndpoints::Events, 1024))
                .col(string_len(WebhookEndpoints::Secret, 256))
                .col(boolean(WebhookEndpoints::Enabled))
                .col(string_len_null(WebhookEndpoints::DisabledReason, 500))
                .col(integer(WebhookEndpoints::FailureStreak))
                .col(timestamp_with_time_zone_null(
                    WebhookEndpoints::FailingSince,
                ))
                .col(integer_null(WebhookEndpoints::CreatedBy))
                .col(timestamp_with_time_zone(WebhookEndpoints::CreatedAt))
                .col(timestamp_with_time_zone(WebhookEndpoints::UpdatedAt))
                .foreign_key(&mut fk(
                    "fk_webhook_endpoints_created_by",
                    (WebhookEndpoints::Table, WebhookEndpoints::CreatedBy),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::SetNull,
                ))
                .take(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WebhookEvents::Table)
                .col(big_pk_auto(WebhookEvents::Id))
                .col(string_len(WebhookEvents::PublicId, 40))
                .col(string_len(WebhookEvents::Kind, 40))
                .col(text(WebhookEvents::Body))
                .col(timestamp_with_time_zone(WebhookEvents::CreatedAt))
                .take(),
        )
        .await?;
        unique(
            m,
            "ux_webhook_events_public_id",
            WebhookEvents::Table,
            [WebhookEvents::PublicId],
        )
        .await?;
        index(
            m,
            "ix_webhook_events_created",
            WebhookEvents::Table,
            [WebhookEvents::CreatedAt],
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WebhookDeliveries::Table)
                .col(big_pk_auto(WebhookDeliveries::Id))
                .col(integer(WebhookDeliveries::EndpointId))
                .col(big_integer(WebhookDeliveries::EventId))
                .col(string_len(WebhookDeliveries::Status, 16))
                .col(integer(WebhookDeliveries::Attempts))
                .col(timestamp_with_time_zone(WebhookDeliveries::CreatedAt))
                .col(timestamp_with_time_zone_null(
                    WebhookDeliveries::LastAttemptAt,
                ))
                .col(timestamp_with_time_zone_null(
                    WebhookDeliveries::DeliveredAt,
                ))
                .foreign_key(&mut fk(
                    "fk_webhook_deliveries_endpoint",
                    (WebhookDeliveries::Table, WebhookDeliveries::EndpointId),
                    (WebhookEndpoints::Table, WebhookEndpoints::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_webhook_deliveries_event",
                    (WebhookDeliveries::Table, WebhookDeliveries::EventId),
                    (WebhookEvents::Table, WebhookEvents::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        // One delivery per endpoint and event: a fan-out done twice (two
        // instances, a retry) adds nothing.
        unique(
            m,
            "ux_webhook_deliveries_endpoint_event",
            WebhookDeliveries::Table,
            [WebhookDeliveries::EndpointId, WebhookDeliveries::EventId],
        )
        .await?;
        index(
            m,
            "ix_webhook_deliveries_event",
            WebhookDeliveries::Table,
            [WebhookDeliveries::EventId],
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WebhookAttempts::Table)
                .col(big_pk_auto(WebhookAttempts::Id))
                .col(big_integer(WebhookAttempts::DeliveryId))
                .col(timestamp_with_time_zone(WebhookAttempts::At))
                .col(integer_null(WebhookAttempts::StatusCode))
                .col(integer(WebhookAttempts::LatencyMs))
                .col(string_len(WebhookAttempts::Response, 1024))
                .col(string_len_null(WebhookAttempts::Error, 500))
                .foreign_key(&mut fk(
                    "fk_webhook_attempts_delivery",
                    (WebhookAttempts::Table, WebhookAttempts::DeliveryId),
                    (WebhookDeliveries::Table, WebhookDeliveries::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "ix_webhook_attempts_delivery",
            WebhookAttempts::Table,
            [WebhookAttempts::DeliveryId],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            WebhookAttempts::Table.into_iden(),
            WebhookDeliveries::Table.into_iden(),
            WebhookEvents::Table.into_iden(),
            WebhookEndpoints::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).take()).await?;
        }
        Ok(())
    }
}
