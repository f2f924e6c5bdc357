//! Gift cards bought in the shop: what the buyer chose (amount, recipient,
//! message, the day to deliver it) waits with the order until it is paid;
//! then the card is issued (`gift_card_id`) and its code mailed on that day.
use crate::helpers::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum GiftCardOrders {
    Table,
    Id,
    OrderId,
    AmountMinor,
    RecipientEmail,
    RecipientName,
    SenderName,
    Message,
    DeliverOn,
    GiftCardId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum GiftCards {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(GiftCardOrders::Table)
                .col(pk_auto(GiftCardOrders::Id))
                .col(integer(GiftCardOrders::OrderId))
                .col(
                    big_integer(GiftCardOrders::AmountMinor)
                        .check(Expr::col(GiftCardOrders::AmountMinor).gt(0)),
                )
                .col(string_len(GiftCardOrders::RecipientEmail, 254))
                .col(string_len(GiftCardOrders::RecipientName, 80).default(""))
                .col(string_len(GiftCardOrders::SenderName, 80).default(""))
                .col(string_len(GiftCardOrders::Message, 500).default(""))
                .col(date(GiftCardOrders::DeliverOn))
                .col(integer_null(GiftCardOrders::GiftCardId))
                .col(timestamp_with_time_zone(GiftCardOrders::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_gift_card_orders_order",
                    (GiftCardOrders::Table, GiftCardOrders::OrderId),
                    (Orders::Table, Orders::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_gift_card_orders_card",
                    (GiftCardOrders::Table, GiftCardOrders::GiftCardId),
                    (GiftCards::Table, GiftCards::Id),
                    ForeignKeyAction::SetNull,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "ix_gift_card_orders_order",
            GiftCardOrders::Table,
            [GiftCardOrders::OrderId],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(GiftCardOrders::Table).take())
            .await
    }
}
