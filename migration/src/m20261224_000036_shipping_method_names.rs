//! A shipping method's name in the languages other than the catalog's
//! (English), as staff write it; a missing row shows the English name.
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum ShippingMethodNames {
    Table,
    ShippingMethodId,
    Locale,
    Name,
}

#[derive(DeriveIden)]
enum ShippingMethods {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ShippingMethodNames::Table)
                .col(integer(ShippingMethodNames::ShippingMethodId))
                .col(string_len(ShippingMethodNames::Locale, 8))
                .col(string_len(ShippingMethodNames::Name, 80))
                .primary_key(
                    Index::create()
                        .col(ShippingMethodNames::ShippingMethodId)
                        .col(ShippingMethodNames::Locale),
                )
                .foreign_key(&mut fk(
                    "fk_shipping_method_names_method",
                    (
                        ShippingMethodNames::Table,
                        ShippingMethodNames::ShippingMethodId,
                    ),
                    (ShippingMethods::Table, ShippingMethods::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ShippingMethodNames::Table).to_owned())
            .await
    }
}
