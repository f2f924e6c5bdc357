//! Wishlists: a guest's is found through their session, a customer's by
//! their user id (one each); at sign-in the guest's joins the customer's.
//! Each item is one variant, with the price the shopper saw and whether
//! they are waiting for it to come back: the two facts the "price dropped"
//! and "back in stock" mails are decided on, each flipped by a conditional
//! UPDATE so an event mails once. A private share token opens a read-only
//! copy; another token in the mails turns the alerts off without signing in.
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{fk, index, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Wishlists {
    Table,
    Id,
    PublicId,
    UserId,
    ShareToken,
    AlertsToken,
    Alerts,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum WishlistItems {
    Table,
    Id,
    WishlistId,
    ProductId,
    VariantId,
    PriceSavedMinor,
    PriceSeenMinor,
    AwaitingStock,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Variants {
    Table,
    Id,
}

fn wishlists_table() -> TableCreateStatement {
    Table::create()
        .table(Wishlists::Table)
        .col(pk_auto(Wishlists::Id))
        .col(string_len(Wishlists::PublicId, 36).unique_key())
        .col(integer_null(Wishlists::UserId).unique_key())
        .col(string_len_null(Wishlists::ShareToken, 64).unique_key())
        .col(string_len(Wishlists::AlertsToken, 64).unique_key())
        .col(boolean(Wishlists::Alerts).default(true))
        .col(timestamp_with_time_zone(Wishlists::CreatedAt))
        .col(timestamp_with_time_zone(Wishlists::UpdatedAt))
        .foreign_key(&mut fk(
            "fk_wishlists_user",
            (Wishlists::Table, Wishlists::UserId),
            (Users::Table, Users::Id),
            ForeignKeyAction::Cascade,
        ))
        .take()
}

fn items_table() -> TableCreateStatement {
    Table::create()
        .table(WishlistItems::Table)
        .col(pk_auto(WishlistItems::Id))
        .col(integer(WishlistItems::WishlistId))
        .col(integer(WishlistItems::ProductId))
        .col(integer(WishlistItems::VariantId))
        .col(big_integer(WishlistItems::PriceSavedMinor))
        // The lowest price mailed about (or seen when saved): a drop below
        // it is news, a rise and fall back to it is not.
        .col(big_integer(WishlistItems::PriceSeenMinor))
        .col(boolean(WishlistItems::AwaitingStock).default(false))
        .col(timestamp_with_time_zone(WishlistItems::CreatedAt))
        .foreign_key(&mut fk(
            "fk_wishlist_items_wishlist",
            (WishlistItems::Table, WishlistItems::WishlistId),
            (Wishlists::Table, Wishlists::Id),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut fk(
            "fk_wishlist_items_product",
            (WishlistItems::Table, WishlistItems::ProductId),
            (Products::Table, Products::Id),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut fk(
            "fk_wishlist_items_variant",
            (WishlistItems::Table, WishlistItems::VariantId),
            (Variants::Table, Variants::Id),
            ForeignKeyAction::Cascade,
        ))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(wishlists_table()).await?;
        m.create_table(items_table()).await?;
        unique(
            m,
            "uq_wishlist_items_variant",
            WishlistItems::Table,
            [WishlistItems::WishlistId, WishlistItems::VariantId],
        )
        .await?;
        // Stock and price changes find who is watching a variant.
        index(
            m,
            "ix_wishlist_items_variant",
            WishlistItems::Table,
            [WishlistItems::VariantId],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            WishlistItems::Table.into_iden(),
            Wishlists::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).take()).await?;
        }
        Ok(())
    }
}
