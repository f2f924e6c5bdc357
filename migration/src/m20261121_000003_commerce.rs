//! Commerce: carts, promotions, shipping methods, tax rates, orders with
//! their lines and timeline, payments (attempts, webhook events, refunds)
//! and stock reservations.
use crate::helpers::{fk, index, unique};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, DeriveIden)]
enum Users {
    Table,
    Id,
}
#[derive(Clone, DeriveIden)]
enum Variants {
    Table,
    Id,
}
#[derive(Clone, DeriveIden)]
enum Warehouses {
    Table,
    Id,
}

#[derive(Clone, DeriveIden)]
enum Carts {
    Table,
    Id,
    PublicId,
    UserId,
    Currency,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(Clone, DeriveIden)]
enum CartItems {
    Table,
    Id,
    CartId,
    VariantId,
    Quantity,
    CreatedAt,
}

#[derive(Clone, DeriveIden)]
enum Promotions {
    Table,
    Id,
    Code,
    Kind,
    Value,
    MinSubtotalMinor,
    StartsAt,
    EndsAt,
    UsageLimit,
    PerCustomerLimit,
    TimesUsed,
    Active,
    CreatedAt,
}

#[derive(Clone, DeriveIden)]
enum PromotionRedemptions {
    Table,
    Id,
    PromotionId,
    OrderId,
    CustomerKey,
    CreatedAt,
}

#[derive(Clone, DeriveIden)]
enum ShippingMethods {
    Table,
    Id,
    Code,
    Name,
    Kind,
    PriceMinor,
    ThresholdMinor,
    PerKgMinor,
    Position,
    Active,
}

#[derive(Clone, DeriveIden)]
enum TaxRates {
    Table,
    Id,
    Country,
    Region,
    RateBasisPoints,
    Name,
}

#[derive(Clone, DeriveIden)]
enum Orders {
    Table,
    Id,
    Number,
    PublicId,
    UserId,
    CartId,
    Email,
    Status,
    Currency,
    SubtotalMinor,
    DiscountMinor,
    ShippingMinor,
    TaxMinor,
    TotalMinor,
    RefundedMinor,
    PricesIncludeTax,
    PromotionCode,
    ShippingMethod,
    ShippingAddress,
    TrackingNumber,
    PlacedAt,
    PaidAt,
    UpdatedAt,
}

#[derive(Clone, DeriveIden)]
enum OrderItems {
    Table,
    Id,
    OrderId,
    VariantId,
    Sku,
    Title,
    VariantTitle,
    UnitPriceMinor,
    Quantity,
    LineTotalMinor,
}

#[derive(Clone, DeriveIden)]
enum OrderEvents {
    Table,
    Id,
    OrderId,
    FromStatus,
    ToStatus,
    Note,
    Actor,
    CreatedAt,
}

#[derive(Clone, DeriveIden)]
enum Payments {
    Table,
    Id,
    OrderId,
    Provider,
    Reference,
    IdempotencyKey,
    ProviderPaymentId,
    AmountMinor,
    Currency,
    Status,
    RedirectUrl,
    CreatedAt,
    UpdatedAt,
}

#[derive(Clone, DeriveIden)]
enum PaymentEvents {
    Table,
    Id,
    Provider,
    Kind,
    ReceivedAt,
}

#[derive(Clone, DeriveIden)]
enum Refunds {
    Table,
    Id,
    OrderId,
    AmountMinor,
    ProviderReference,
    Reason,
    CreatedAt,
}

#[derive(Clone, DeriveIden)]
enum StockReservations {
    Table,
    Id,
    OrderId,
    VariantId,
    WarehouseId,
    Quantity,
    Status,
    ExpiresAt,
    CreatedAt,
}

fn money(col: impl IntoIden + Clone) -> ColumnDef {
    big_integer(col.clone()).check(Expr::col(col).gte(0)).take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Carts::Table)
                .col(pk_auto(Carts::Id))
                .col(string_len_uniq(Carts::PublicId, 36))
                .col(integer_null(Carts::UserId))
                .col(char_len(Carts::Currency, 3))
                .col(
                    string_len(Carts::Status, 12).check(Expr::col(Carts::Status).is_in([
                        "active",
                        "merged",
                        "converted",
                    ])),
                )
                .col(timestamp_with_time_zone(Carts::CreatedAt))
                .col(timestamp_with_time_zone(Carts::UpdatedAt))
                .foreign_key(&mut fk(
                    "fk_carts_user",
                    (Carts::Table, Carts::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_carts_user_status",
            Carts::Table,
            [Carts::UserId, Carts::Status],
        )
        .await?;
        index(
            m,
            "idx_carts_status_updated",
            Carts::Table,
            [Carts::Status, Carts::UpdatedAt],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CartItems::Table)
                .col(pk_auto(CartItems::Id))
                .col(integer(CartItems::CartId))
                .col(integer(CartItems::VariantId))
                .col(integer(CartItems::Quantity).check(Expr::col(CartItems::Quantity).gt(0)))
                .col(timestamp_with_time_zone(CartItems::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_cart_items_cart",
                    (CartItems::Table, CartItems::CartId),
                    (Carts::Table, Carts::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_cart_items_variant",
                    (CartItems::Table, CartItems::VariantId),
                    (Variants::Table, Variants::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(
            m,
            "uq_cart_items_line",
            CartItems::Table,
            [CartItems::CartId, CartItems::VariantId],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Promotions::Table)
                .col(pk_auto(Promotions::Id))
                .col(string_len_uniq(Promotions::Code, 40))
                .col(
                    string_len(Promotions::Kind, 16).check(Expr::col(Promotions::Kind).is_in([
                        "percentage",
                        "fixed",
                        "free_shipping",
                    ])),
                )
                // Basis points for percentage, minor units for fixed, 0 for free shipping.
                .col(money(Promotions::Value))
                .col(money(Promotions::MinSubtotalMinor).default(0))
                .col(timestamp_with_time_zone_null(Promotions::StartsAt))
                .col(timestamp_with_time_zone_null(Promotions::EndsAt))
                .col(integer_null(Promotions::UsageLimit))
                .col(integer_null(Promotions::PerCustomerLimit))
                .col(
                    integer(Promotions::TimesUsed)
                        .default(0)
                        .check(Expr::col(Promotions::TimesUsed).gte(0)),
                )
                .col(boolean(Promotions::Active).default(true))
                .col(timestamp_with_time_zone(Promotions::CreatedAt))
                .take(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ShippingMethods::Table)
                .col(pk_auto(ShippingMethods::Id))
                .col(string_len_uniq(ShippingMethods::Code, 40))
                .col(string_len(ShippingMethods::Name, 120))
                .col(
                    string_len(ShippingMethods::Kind, 16).check(
                        Expr::col(ShippingMethods::Kind).is_in(["flat", "free_over", "weight"]),
                    ),
                )
                .col(money(ShippingMethods::PriceMinor))
                .col(big_integer_null(ShippingMethods::ThresholdMinor))
                .col(big_integer_null(ShippingMethods::PerKgMinor))
                .col(integer(ShippingMethods::Position).default(0))
                .col(boolean(ShippingMethods::Active).default(true))
                .take(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(TaxRates::Table)
                .col(pk_auto(TaxRates::Id))
                .col(char_len(TaxRates::Country, 2))
                // '' applies to the whole country; a region overrides it.
                .col(string_len(TaxRates::Region, 120).default(""))
                .col(
                    integer(TaxRates::RateBasisPoints)
                        .check(Expr::col(TaxRates::RateBasisPoints).gte(0)),
                )
                .col(string_len(TaxRates::Name, 60))
                .take(),
        )
        .await?;
        unique(
            m,
            "uq_tax_rates_place",
            TaxRates::Table,
            [TaxRates::Country, TaxRates::Region],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Orders::Table)
                .col(pk_auto(Orders::Id))
                .col(string_len_uniq(Orders::Number, 20))
                .col(string_len_uniq(Orders::PublicId, 36))
                .col(integer_null(Orders::UserId))
                .col(integer_null(Orders::CartId))
                .col(string_len(Orders::Email, 254))
                .col(
                    string_len(Orders::Status, 24).check(Expr::col(Orders::Status).is_in([
                        "pending_payment",
                        "paid",
                        "processing",
                        "shipped",
                        "delivered",
                        "cancelled",
                        "refunded",
                        "partially_refunded",
                        "return_requested",
                        "returned",
                    ])),
                )
                .col(char_len(Orders::Currency, 3))
                .col(money(Orders::SubtotalMinor))
                .col(money(Orders::DiscountMinor))
                .col(money(Orders::ShippingMinor))
                .col(money(Orders::TaxMinor))
                .col(money(Orders::TotalMinor))
                .col(money(Orders::RefundedMinor).default(0))
                .col(boolean(Orders::PricesIncludeTax))
                .col(string_len_null(Orders::PromotionCode, 40))
                .col(string_len(Orders::ShippingMethod, 120))
                // JSON of the address as entered (orders keep it even if the book changes).
                .col(text(Orders::ShippingAddress))
                .col(string_len_null(Orders::TrackingNumber, 80))
                .col(timestamp_with_time_zone(Orders::PlacedAt))
                .col(timestamp_with_time_zone_null(Orders::PaidAt))
                .col(timestamp_with_time_zone(Orders::UpdatedAt))
                .foreign_key(&mut fk(
                    "fk_orders_user",
                    (Orders::Table, Orders::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::SetNull,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_orders_user",
            Orders::Table,
            [Orders::UserId, Orders::PlacedAt],
        )
        .await?;
        index(m, "idx_orders_email", Orders::Table, [Orders::Email]).await?;
        index(
            m,
            "idx_orders_status",
            Orders::Table,
            [Orders::Status, Orders::PlacedAt],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(OrderItems::Table)
                .col(pk_auto(OrderItems::Id))
                .col(integer(OrderItems::OrderId))
                .col(integer_null(OrderItems::VariantId))
                .col(string_len(OrderItems::Sku, 64))
                .col(string_len(OrderItems::Title, 200))
                .col(string_len(OrderItems::VariantTitle, 200))
                .col(money(OrderItems::UnitPriceMinor))
                .col(integer(OrderItems::Quantity).check(Expr::col(OrderItems::Quantity).gt(0)))
                .col(money(OrderItems::LineTotalMinor))
                .foreign_key(&mut fk(
                    "fk_order_items_order",
                    (OrderItems::Table, OrderItems::OrderId),
                    (Orders::Table, Orders::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_order_items_order",
            OrderItems::Table,
            [OrderItems::OrderId],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(OrderEvents::Table)
                .col(pk_auto(OrderEvents::Id))
                .col(integer(OrderEvents::OrderId))
                .col(string_len_null(OrderEvents::FromStatus, 24))
                .col(string_len(OrderEvents::ToStatus, 24))
                .col(text(OrderEvents::Note).default(""))
                .col(string_len(OrderEvents::Actor, 40))
                .col(timestamp_with_time_zone(OrderEvents::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_order_events_order",
                    (OrderEvents::Table, OrderEvents::OrderId),
                    (Orders::Table, Orders::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_order_events_order",
            OrderEvents::Table,
            [OrderEvents::OrderId],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(PromotionRedemptions::Table)
                .col(pk_auto(PromotionRedemptions::Id))
                .col(integer(PromotionRedemptions::PromotionId))
                .col(integer(PromotionRedemptions::OrderId))
                // The customer's user id or normalised email, for per-customer limits.
                .col(string_len(PromotionRedemptions::CustomerKey, 260))
                .col(timestamp_with_time_zone(PromotionRedemptions::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_redemptions_promotion",
                    (
                        PromotionRedemptions::Table,
                        PromotionRedemptions::PromotionId,
                    ),
                    (Promotions::Table, Promotions::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_redemptions_order",
                    (PromotionRedemptions::Table, PromotionRedemptions::OrderId),
                    (Orders::Table, Orders::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(
            m,
            "uq_redemptions_order",
            PromotionRedemptions::Table,
            [PromotionRedemptions::OrderId],
        )
        .await?;
        index(
            m,
            "idx_redemptions_customer",
            PromotionRedemptions::Table,
            [
                PromotionRedemptions::PromotionId,
                PromotionRedemptions::CustomerKey,
            ],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Payments::Table)
                .col(pk_auto(Payments::Id))
                .col(integer(Payments::OrderId))
                .col(string_len(Payments::Provider, 16))
                .col(string_len_null(Payments::Reference, 255))
                .col(string_len_uniq(Payments::IdempotencyKey, 64))
                // Stripe's payment intent, which refund events name.
                .col(string_len_null(Payments::ProviderPaymentId, 255))
                .col(money(Payments::AmountMinor))
                .col(char_len(Payments::Currency, 3))
                .col(
                    string_len(Payments::Status, 16).check(Expr::col(Payments::Status).is_in([
                        "created",
                        "pending",
                        "succeeded",
                        "failed",
                        "expired",
                    ])),
                )
                .col(text_null(Payments::RedirectUrl))
                .col(timestamp_with_time_zone(Payments::CreatedAt))
                .col(timestamp_with_time_zone(Payments::UpdatedAt))
                .foreign_key(&mut fk(
                    "fk_payments_order",
                    (Payments::Table, Payments::OrderId),
                    (Orders::Table, Orders::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(
            m,
            "uq_payments_reference",
            Payments::Table,
            [Payments::Provider, Payments::Reference],
        )
        .await?;
        index(
            m,
            "idx_payments_order",
            Payments::Table,
            [Payments::OrderId],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(PaymentEvents::Table)
                // The provider's event id: inserting it twice fails, which is the dedupe.
                .col(string_len(PaymentEvents::Id, 255).primary_key())
                .col(string_len(PaymentEvents::Provider, 16))
                .col(string_len(PaymentEvents::Kind, 80))
                .col(timestamp_with_time_zone(PaymentEvents::ReceivedAt))
                .take(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Refunds::Table)
                .col(pk_auto(Refunds::Id))
                .col(integer(Refunds::OrderId))
                .col(big_integer(Refunds::AmountMinor).check(Expr::col(Refunds::AmountMinor).gt(0)))
                .col(string_len_null(Refunds::ProviderReference, 255))
                .col(text(Refunds::Reason).default(""))
                .col(timestamp_with_time_zone(Refunds::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_refunds_order",
                    (Refunds::Table, Refunds::OrderId),
                    (Orders::Table, Orders::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(
            m,
            "uq_refunds_reference",
            Refunds::Table,
            [Refunds::ProviderReference],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(StockReservations::Table)
                .col(pk_auto(StockReservations::Id))
                .col(integer(StockReservations::OrderId))
                .col(integer(StockReservations::VariantId))
                .col(integer(StockReservations::WarehouseId))
                .col(
                    integer(StockReservations::Quantity)
                        .check(Expr::col(StockReservations::Quantity).gt(0)),
                )
                .col(string_len(StockReservations::Status, 12).check(
                    Expr::col(StockReservations::Status).is_in(["held", "committed", "released"]),
                ))
                .col(timestamp_with_time_zone(StockReservations::ExpiresAt))
                .col(timestamp_with_time_zone(StockReservations::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_reservations_order",
                    (StockReservations::Table, StockReservations::OrderId),
                    (Orders::Table, Orders::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_reservations_warehouse",
                    (StockReservations::Table, StockReservations::WarehouseId),
                    (Warehouses::Table, Warehouses::Id),
                    ForeignKeyAction::Restrict,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_reservations_order",
            StockReservations::Table,
            [StockReservations::OrderId],
        )
        .await?;
        index(
            m,
            "idx_reservations_due",
            StockReservations::Table,
            [StockReservations::Status, StockReservations::ExpiresAt],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            StockReservations::Table.into_iden(),
            Refunds::Table.into_iden(),
            PaymentEvents::Table.into_iden(),
            Payments::Table.into_iden(),
            PromotionRedemptions::Table.into_iden(),
            OrderEvents::Table.into_iden(),
            OrderItems::Table.into_iden(),
            Orders::Table.into_iden(),
            TaxRates::Table.into_iden(),
            ShippingMethods::Table.into_iden(),
            Promotions::Table.into_iden(),
            CartItems::Table.into_iden(),
            Carts::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
