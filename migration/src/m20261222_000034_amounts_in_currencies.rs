//! Amounts staff set by hand for a currency other than the base, where a
//! converted figure would read oddly: a shipping method's fee, its
//! free-shipping threshold and its price per kilogram; a promo code's
//! amount off and its minimum subtotal. A missing row or an empty column
//! converts from the base at the currency's rate.
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum ShippingMethodAmounts {
    Table,
    ShippingMethodId,
    Currency,
    PriceMinor,
    ThresholdMinor,
    PerKgMinor,
}

#[derive(Clone, Copy, DeriveIden)]
enum PromotionAmounts {
    Table,
    PromotionId,
    Currency,
    ValueMinor,
    MinSubtotalMinor,
}

#[derive(DeriveIden)]
enum ShippingMethods {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Promotions {
    Table,
    Id,
}

/// A nullable amount that is never negative.
fn amount<T: IntoIden + Copy + 'static>(col: T) -> ColumnDef {
    big_integer_null(col).check(Expr::col(col).gte(0)).take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ShippingMethodAmounts::Table)
                .col(integer(ShippingMethodAmounts::ShippingMethodId))
                .col(string_len(ShippingMethodAmounts::Currency, 3))
                .col(amount(ShippingMethodAmounts::PriceMinor))
                .col(amount(ShippingMethodAmounts::ThresholdMinor))
                .col(amount(ShippingMethodAmounts::PerKgMinor))
                .primary_key(
                    Index::create()
                        .col(ShippingMethodAmounts::ShippingMethodId)
                        .col(ShippingMethodAmounts::Currency),
                )
                .foreign_key(&mut fk(
                    "fk_shipping_method_amounts_method",
                    (
                        ShippingMethodAmounts::Table,
                        ShippingMethodAmounts::ShippingMethodId,
                    ),
                    (ShippingMethods::Table, ShippingMethods::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PromotionAmounts::Table)
                .col(integer(PromotionAmounts::PromotionId))
                .col(string_len(PromotionAmounts::Currency, 3))
                .col(amount(PromotionAmounts::ValueMinor))
                .col(amount(PromotionAmounts::MinSubtotalMinor))
                .primary_key(
                    Index::create()
                        .col(PromotionAmounts::PromotionId)
                        .col(PromotionAmounts::Currency),
                )
                .foreign_key(&mut fk(
                    "fk_promotion_amounts_promotion",
                    (PromotionAmounts::Table, PromotionAmounts::PromotionId),
                    (Promotions::Table, Promotions::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(PromotionAmounts::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(ShippingMethodAmounts::Table).to_owned())
            .await
    }
}
