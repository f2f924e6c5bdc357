//! Gift cards and store credit as balances with a ledger: a gift card (its
//! code kept only as a SHA-256 digest and its last four characters) or a
//! customer's store credit holds a balance that a `CHECK` keeps at zero or
//! above, and every movement — issued, redeemed, refunded, restored,
//! adjusted — is a row of `balance_movements` naming exactly one holder,
//! with the balance it left. Spending is one conditional `UPDATE` (balance
//! ≥ amount), so concurrent checkouts can never take a balance below zero.
use crate::helpers::{fk, index, unique};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum GiftCards {
    Table,
    Id,
    CodeHash,
    Last4,
    Currency,
    InitialMinor,
    BalanceMinor,
    Status,
    RecipientEmail,
    Message,
    DeliverOn,
    OrderId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StoreCredits {
    Table,
    UserId,
    Currency,
    BalanceMinor,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum BalanceMovements {
    Table,
    Id,
    GiftCardId,
    UserId,
    DeltaMinor,
    BalanceAfterMinor,
    Reason,
    OrderId,
    ActorId,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

const REASONS: [&str; 5] = ["issued", "redeemed", "refunded", "restored", "adjusted"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(GiftCards::Table)
                .col(pk_auto(GiftCards::Id))
                .col(string_len(GiftCards::CodeHash, 64))
                .col(string_len(GiftCards::Last4, 4))
                .col(string_len(GiftCards::Currency, 3))
                .col(
                    big_integer(GiftCards::InitialMinor)
                        .check(Expr::col(GiftCards::InitialMinor).gt(0)),
                )
                .col(
                    big_integer(GiftCards::BalanceMinor)
                        .check(Expr::col(GiftCards::BalanceMinor).gte(0)),
                )
                .col(
                    string_len(GiftCards::Status, 12)
                        .check(Expr::col(GiftCards::Status).is_in(["active", "disabled"])),
                )
                .col(string_len_null(GiftCards::RecipientEmail, 254))
                .col(string_len(GiftCards::Message, 500).default(""))
                .col(date_null(GiftCards::DeliverOn))
                .col(integer_null(GiftCards::OrderId))
                .col(timestamp_with_time_zone(GiftCards::CreatedAt))
                .take(),
        )
        .await?;
        unique(
            m,
            "ux_gift_cards_code",
            GiftCards::Table,
            [GiftCards::CodeHash],
        )
        .await?;
        m.create_table(
            Table::create()
                .table(StoreCredits::Table)
                .col(integer(StoreCredits::UserId).primary_key())
                .col(string_len(StoreCredits::Currency, 3))
                .col(
                    big_integer(StoreCredits::BalanceMinor)
                        .check(Expr::col(StoreCredits::BalanceMinor).gte(0)),
                )
                .col(timestamp_with_time_zone(StoreCredits::UpdatedAt))
                .foreign_key(&mut fk(
                    "fk_store_credits_user",
                    (StoreCredits::Table, StoreCredits::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(BalanceMovements::Table)
                .col(pk_auto(BalanceMovements::Id))
                .col(integer_null(BalanceMovements::GiftCardId))
                .col(integer_null(BalanceMovements::UserId))
                .col(big_integer(BalanceMovements::DeltaMinor))
                .col(big_integer(BalanceMovements::BalanceAfterMinor))
                .col(
                    string_len(BalanceMovements::Reason, 12)
                        .check(Expr::col(BalanceMovements::Reason).is_in(REASONS)),
                )
                .col(integer_null(BalanceMovements::OrderId))
                .col(integer_null(BalanceMovements::ActorId))
                .col(string_len(BalanceMovements::Note, 200).default(""))
                .col(timestamp_with_time_zone(BalanceMovements::CreatedAt))
                // Exactly one holder per movement.
                .check(
                    Expr::col(BalanceMovements::GiftCardId)
                        .is_null()
                        .ne(Expr::col(BalanceMovements::UserId).is_null()),
                )
                .foreign_key(&mut fk(
                    "fk_balance_movements_card",
                    (BalanceMovements::Table, BalanceMovements::GiftCardId),
                    (GiftCards::Table, GiftCards::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_balance_movements_user",
                    (BalanceMovements::Table, BalanceMovements::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "ix_balance_movements_card",
            BalanceMovements::Table,
            [BalanceMovements::GiftCardId],
        )
        .await?;
        index(
            m,
            "ix_balance_movements_user",
            BalanceMovements::Table,
            [BalanceMovements::UserId],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(BalanceMovements::Table).take())
            .await?;
        m.drop_table(Table::drop().table(StoreCredits::Table).take())
            .await?;
        m.drop_table(Table::drop().table(GiftCards::Table).take())
            .await
    }
}
