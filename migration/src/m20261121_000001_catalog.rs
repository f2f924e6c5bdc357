//! Catalog: category tree, products, options and variants, images,
//! warehouses and stock levels.
use crate::helpers::{fk, index, unique};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
    ParentId,
    Slug,
    Name,
    Description,
    Position,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
    Slug,
    Title,
    Description,
    Brand,
    Status,
    CategoryId,
    SeoTitle,
    SeoDescription,
    PriceMinMinor,
    PriceMaxMinor,
    Currency,
    Featured,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProductOptions {
    Table,
    Id,
    ProductId,
    Name,
    Position,
}

#[derive(DeriveIden)]
enum ProductOptionValues {
    Table,
    Id,
    OptionId,
    Value,
    Position,
}

#[derive(DeriveIden)]
enum ProductImages {
    Table,
    Id,
    ProductId,
    Url,
    Alt,
    Position,
    Width,
    Height,
}

#[derive(DeriveIden)]
enum Variants {
    Table,
    Id,
    ProductId,
    Sku,
    Title,
    PriceMinor,
    CompareAtMinor,
    Currency,
    WeightGrams,
    ImageId,
    Position,
    CreatedAt,
}

#[derive(DeriveIden)]
enum VariantOptionValues {
    Table,
    VariantId,
    OptionValueId,
}

#[derive(DeriveIden)]
enum Warehouses {
    Table,
    Id,
    Code,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StockLevels {
    Table,
    VariantId,
    WarehouseId,
    OnHand,
    Reserved,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Categories::Table)
                .col(pk_auto(Categories::Id))
                .col(integer_null(Categories::ParentId))
                .col(string_len_uniq(Categories::Slug, 160))
                .col(string_len(Categories::Name, 160))
                .col(text(Categories::Description).default(""))
                .col(integer(Categories::Position).default(0))
                .col(timestamp_with_time_zone(Categories::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_categories_parent",
                    (Categories::Table, Categories::ParentId),
                    (Categories::Table, Categories::Id),
                    ForeignKeyAction::Restrict,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_categories_parent",
            Categories::Table,
            [Categories::ParentId, Categories::Position],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Products::Table)
                .col(pk_auto(Products::Id))
                .col(string_len_uniq(Products::Slug, 200))
                .col(string_len(Products::Title, 200))
                .col(text(Products::Description))
                .col(string_len(Products::Brand, 120))
                .col(
                    string_len(Products::Status, 16)
                        .check(Expr::col(Products::Status).is_in(["draft", "active", "archived"])),
                )
                .col(integer(Products::CategoryId))
                .col(string_len_null(Products::SeoTitle, 200))
                .col(string_len_null(Products::SeoDescription, 320))
                .col(
                    big_integer(Products::PriceMinMinor)
                        .check(Expr::col(Products::PriceMinMinor).gte(0)),
                )
                .col(
                    big_integer(Products::PriceMaxMinor)
                        .check(Expr::col(Products::PriceMaxMinor).gte(0)),
                )
                .col(char_len(Products::Currency, 3))
                .col(boolean(Products::Featured).default(false))
                .col(timestamp_with_time_zone(Products::CreatedAt))
                .col(timestamp_with_time_zone(Products::UpdatedAt))
                .foreign_key(&mut fk(
                    "fk_products_category",
                    (Products::Table, Products::CategoryId),
                    (Categories::Table, Categories::Id),
                    ForeignKeyAction::Restrict,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_products_category_status",
            Products::Table,
            [Products::CategoryId, Products::Status],
        )
        .await?;
        index(
            m,
            "idx_products_status_created",
            Products::Table,
            [Products::Status, Products::CreatedAt],
        )
        .await?;
        index(
            m,
            "idx_products_status_price",
            Products::Table,
            [Products::Status, Products::PriceMinMinor],
        )
        .await?;
        index(m, "idx_products_brand", Products::Table, [Products::Brand]).await?;

        m.create_table(
            Table::create()
                .table(ProductOptions::Table)
                .col(pk_auto(ProductOptions::Id))
                .col(integer(ProductOptions::ProductId))
                .col(string_len(ProductOptions::Name, 60))
                .col(integer(ProductOptions::Position).default(0))
                .foreign_key(&mut fk(
                    "fk_product_options_product",
                    (ProductOptions::Table, ProductOptions::ProductId),
                    (Products::Table, Products::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(
            m,
            "uq_product_options_name",
            ProductOptions::Table,
            [ProductOptions::ProductId, ProductOptions::Name],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ProductOptionValues::Table)
                .col(pk_auto(ProductOptionValues::Id))
                .col(integer(ProductOptionValues::OptionId))
                .col(string_len(ProductOptionValues::Value, 60))
                .col(integer(ProductOptionValues::Position).default(0))
                .foreign_key(&mut fk(
                    "fk_option_values_option",
                    (ProductOptionValues::Table, ProductOptionValues::OptionId),
                    (ProductOptions::Table, ProductOptions::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        unique(
            m,
            "uq_option_values_value",
            ProductOptionValues::Table,
            [ProductOptionValues::OptionId, ProductOptionValues::Value],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ProductImages::Table)
                .col(pk_auto(ProductImages::Id))
                .col(integer(ProductImages::ProductId))
                .col(string_len(ProductImages::Url, 400))
                .col(string_len(ProductImages::Alt, 300))
                .col(integer(ProductImages::Position).default(0))
                .col(integer(ProductImages::Width))
                .col(integer(ProductImages::Height))
                .foreign_key(&mut fk(
                    "fk_product_images_product",
                    (ProductImages::Table, ProductImages::ProductId),
                    (Products::Table, Products::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_product_images_product",
            ProductImages::Table,
            [ProductImages::ProductId, ProductImages::Position],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Variants::Table)
                .col(pk_auto(Variants::Id))
                .col(integer(Variants::ProductId))
                .col(string_len_uniq(Variants::Sku, 64))
                .col(string_len(Variants::Title, 200))
                .col(
                    big_integer(Variants::PriceMinor).check(Expr::col(Variants::PriceMinor).gte(0)),
                )
                .col(big_integer_null(Variants::CompareAtMinor))
                .col(char_len(Variants::Currency, 3))
                .col(integer(Variants::WeightGrams).default(0))
                .col(integer_null(Variants::ImageId))
                .col(integer(Variants::Position).default(0))
                .col(timestamp_with_time_zone(Variants::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_variants_product",
                    (Variants::Table, Variants::ProductId),
                    (Products::Table, Products::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_variants_image",
                    (Variants::Table, Variants::ImageId),
                    (ProductImages::Table, ProductImages::Id),
                    ForeignKeyAction::SetNull,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_variants_product",
            Variants::Table,
            [Variants::ProductId, Variants::Position],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(VariantOptionValues::Table)
                .col(integer(VariantOptionValues::VariantId))
                .col(integer(VariantOptionValues::OptionValueId))
                .primary_key(
                    Index::create()
                        .col(VariantOptionValues::VariantId)
                        .col(VariantOptionValues::OptionValueId),
                )
                .foreign_key(&mut fk(
                    "fk_vov_variant",
                    (VariantOptionValues::Table, VariantOptionValues::VariantId),
                    (Variants::Table, Variants::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_vov_value",
                    (
                        VariantOptionValues::Table,
                        VariantOptionValues::OptionValueId,
                    ),
                    (ProductOptionValues::Table, ProductOptionValues::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_vov_value",
            VariantOptionValues::Table,
            [VariantOptionValues::OptionValueId],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Warehouses::Table)
                .col(pk_auto(Warehouses::Id))
                .col(string_len_uniq(Warehouses::Code, 32))
                .col(string_len(Warehouses::Name, 120))
                .col(timestamp_with_time_zone(Warehouses::CreatedAt))
                .take(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(StockLevels::Table)
                .col(integer(StockLevels::VariantId))
                .col(integer(StockLevels::WarehouseId))
                .col(
                    integer(StockLevels::OnHand)
                        .default(0)
                        .check(Expr::col(StockLevels::OnHand).gte(0)),
                )
                .col(
                    integer(StockLevels::Reserved)
                        .default(0)
                        .check(Expr::col(StockLevels::Reserved).gte(0)),
                )
                .primary_key(
                    Index::create()
                        .col(StockLevels::VariantId)
                        .col(StockLevels::WarehouseId),
                )
                .foreign_key(&mut fk(
                    "fk_stock_variant",
                    (StockLevels::Table, StockLevels::VariantId),
                    (Variants::Table, Variants::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_stock_warehouse",
                    (StockLevels::Table, StockLevels::WarehouseId),
                    (Warehouses::Table, Warehouses::Id),
                    ForeignKeyAction::Restrict,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_stock_warehouse",
            StockLevels::Table,
            [StockLevels::WarehouseId],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            StockLevels::Table.into_iden(),
            Warehouses::Table.into_iden(),
            VariantOptionValues::Table.into_iden(),
            Variants::Table.into_iden(),
            ProductImages::Table.into_iden(),
            ProductOptionValues::Table.into_iden(),
            ProductOptions::Table.into_iden(),
            Products::Table.into_iden(),
            Categories::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
