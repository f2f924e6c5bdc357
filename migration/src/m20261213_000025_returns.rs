//! Returns per line (RMA): a customer asks to send back some units of
//! shipped lines with a reason; staff approve or reject, receive what
//! arrives (back on the shelf or not, per line) and refund. Each order line
//! counts the units in returns not rejected (`returning_quantity`), so a
//! conditional update keeps it within what shipped however many requests
//! arrive at once. The shop sets how many days after shipping a return
//! can be asked for (30 by default; 0: only staff can take one back).
use crate::helpers::{fk, index, unique};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Returns {
    Table,
    Id,
    Number,
    OrderId,
    Status,
    Reason,
    Note,
    StaffNote,
    RefundShipping,
    RefundMinor,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ReturnLines {
    Table,
    Id,
    ReturnId,
    OrderItemId,
    Quantity,
    Received,
    Restocked,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OrderItems {
    Table,
    Id,
    ReturningQuantity,
}

#[derive(DeriveIden)]
enum StoreProfile {
    Table,
    ReturnWindowDays,
}

const STATUSES: [&str; 5] = ["requested", "approved", "rejected", "received", "refunded"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Returns::Table)
                .col(pk_auto(Returns::Id))
                .col(string_len(Returns::Number, 24))
                .col(integer(Returns::OrderId))
                .col(
                    string_len(Returns::Status, 12)
                        .check(Expr::col(Returns::Status).is_in(STATUSES)),
                )
                .col(string_len(Returns::Reason, 24))
                .col(string_len(Returns::Note, 1000))
                .col(string_len(Returns::StaffNote, 1000))
                .col(boolean(Returns::RefundShipping).default(false))
                .col(big_integer(Returns::RefundMinor).default(0))
                .col(timestamp_with_time_zone(Returns::CreatedAt))
                .col(timestamp_with_time_zone(Returns::UpdatedAt))
                .foreign_key(&mut fk(
                    "fk_returns_order",
                    (Returns::Table, Returns::OrderId),
                    (Orders::Table, Orders::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(m, "ux_returns_number", Returns::Table, [Returns::Number]).await?;
        index(m, "ix_returns_order", Returns::Table, [Returns::OrderId]).await?;
        index(
            m,
            "ix_returns_status",
            Returns::Table,
            [Returns::Status, Returns::CreatedAt],
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ReturnLines::Table)
                .col(pk_auto(ReturnLines::Id))
                .col(integer(ReturnLines::ReturnId))
                .col(integer(ReturnLines::OrderItemId))
                .col(integer(ReturnLines::Quantity).check(Expr::col(ReturnLines::Quantity).gt(0)))
                .col(integer(ReturnLines::Received).default(0))
                .col(integer(ReturnLines::Restocked).default(0))
                .foreign_key(&mut fk(
                    "fk_return_lines_return",
                    (ReturnLines::Table, ReturnLines::ReturnId),
                    (Returns::Table, Returns::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_return_lines_order_item",
                    (ReturnLines::Table, ReturnLines::OrderItemId),
                    (OrderItems::Table, OrderItems::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(
            m,
            "ux_return_lines_item",
            ReturnLines::Table,
            [ReturnLines::ReturnId, ReturnLines::OrderItemId],
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(OrderItems::Table)
                .add_column(integer(OrderItems::ReturningQuantity).default(0))
                .take(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(StoreProfile::Table)
                .add_column(integer(StoreProfile::ReturnWindowDays).default(30))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(StoreProfile::Table)
                .drop_column(StoreProfile::ReturnWindowDays)
                .take(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(OrderItems::Table)
                .drop_column(OrderItems::ReturningQuantity)
                .take(),
        )
        .await?;
        m.drop_table(Table::drop().table(ReturnLines::Table).take())
            .await?;
        m.drop_table(Table::drop().table(Returns::Table).take())
            .await
    }
}
