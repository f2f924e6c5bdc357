//! Cart reminders: one row per cart the reminder sweep decided on (mailed,
//! or skipped because the shopper opted out or nothing in it can be
//! bought), so a cart is mailed at most once; the addresses that asked for
//! no reminders, kept only as SHA-256 digests; and the shop's delay before
//! a reminder (0 hours: reminders off, which is how a shop starts); and
//! orders found by their cart.
use crate::helpers::{fk, index, unique};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CartReminders {
    Table,
    CartId,
    Status,
    TokenHash,
    SentAt,
    RestoredAt,
}

#[derive(DeriveIden)]
enum CartReminderOptOuts {
    Table,
    EmailHash,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Carts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    CartId,
}

#[derive(DeriveIden)]
enum StoreProfile {
    Table,
    CartReminderHours,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CartReminders::Table)
                .col(integer(CartReminders::CartId).primary_key())
                .col(
                    string_len(CartReminders::Status, 16)
                        .check(Expr::col(CartReminders::Status).is_in(["sent", "skipped"])),
                )
                .col(string_len_null(CartReminders::TokenHash, 64))
                .col(timestamp_with_time_zone(CartReminders::SentAt))
                .col(timestamp_with_time_zone_null(CartReminders::RestoredAt))
                .foreign_key(&mut fk(
                    "fk_cart_reminders_cart",
                    (CartReminders::Table, CartReminders::CartId),
                    (Carts::Table, Carts::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(
            m,
            "ux_cart_reminders_token",
            CartReminders::Table,
            [CartReminders::TokenHash],
        )
        .await?;
        index(
            m,
            "ix_cart_reminders_sent_at",
            CartReminders::Table,
            [CartReminders::SentAt],
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CartReminderOptOuts::Table)
                .col(string_len(CartReminderOptOuts::EmailHash, 64).primary_key())
                .col(timestamp_with_time_zone(CartReminderOptOuts::CreatedAt))
                .take(),
        )
        .await?;
        // The sweep asks, per candidate cart, whether an order was placed
        // for it; so do the reminder's recipient and the dashboard.
        index(m, "ix_orders_cart", Orders::Table, [Orders::CartId]).await?;
        m.alter_table(
            Table::alter()
                .table(StoreProfile::Table)
                .add_column(integer(StoreProfile::CartReminderHours).default(0))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(StoreProfile::Table)
                .drop_column(StoreProfile::CartReminderHours)
                .take(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name("ix_orders_cart")
                .table(Orders::Table)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(CartReminderOptOuts::Table).take())
            .await?;
        m.drop_table(Table::drop().table(CartReminders::Table).take())
            .await
    }
}
