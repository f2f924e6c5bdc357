//! Paying with balances: the gift cards a shopper has entered stay with
//! their cart (`cart_gift_cards`, so the code is typed — and looked up —
//! once, behind the rate limit, and never travels with every quote); an
//! order records how much of its total balances paid
//! (`balance_paid_minor`, the gateway is asked for the rest); a refund
//! says where the money went (`method`: `gateway`, `balances` — back to the
//! gift cards and store credit that paid — or `store_credit`).
use crate::helpers::fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CartGiftCards {
    Table,
    CartId,
    GiftCardId,
    AddedAt,
}

#[derive(DeriveIden)]
enum Carts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum GiftCards {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    BalancePaidMinor,
}

#[derive(DeriveIden)]
enum Refunds {
    Table,
    Method,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CartGiftCards::Table)
                .col(integer(CartGiftCards::CartId))
                .col(integer(CartGiftCards::GiftCardId))
                .col(timestamp_with_time_zone(CartGiftCards::AddedAt))
                .primary_key(
                    Index::create()
                        .col(CartGiftCards::CartId)
                        .col(CartGiftCards::GiftCardId),
                )
                .foreign_key(&mut fk(
                    "fk_cart_gift_cards_cart",
                    (CartGiftCards::Table, CartGiftCards::CartId),
                    (Carts::Table, Carts::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_cart_gift_cards_card",
                    (CartGiftCards::Table, CartGiftCards::GiftCardId),
                    (GiftCards::Table, GiftCards::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .add_column(big_integer(Orders::BalancePaidMinor).default(0))
                .take(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Refunds::Table)
                .add_column(string_len(Refunds::Method, 12).default("gateway"))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Refunds::Table)
                .drop_column(Refunds::Method)
                .take(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .drop_column(Orders::BalancePaidMinor)
                .take(),
        )
        .await?;
        m.drop_table(Table::drop().table(CartGiftCards::Table).take())
            .await
    }
}
