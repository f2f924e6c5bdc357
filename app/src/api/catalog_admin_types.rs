//! Wire types of the staff catalog and inventory screens.
use serde::{Deserialize, Serialize};

pub use model::product_form::{
    matrix, split_values, OptionForm, ProductForm, StockForm, VariantForm,
};
use model::Money;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductListQuery {
    pub q: String,
    pub status: String,
    pub category: String,
    pub stock: String,
    pub sort: String,
    pub page: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductRowView {
    pub slug: String,
    pub title: String,
    pub brand: String,
    pub status: String,
    pub category: String,
    pub price_min: Money,
    pub price_max: Money,
    pub variants: u64,
    pub available: i64,
    pub thumb: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductListView {
    pub rows: Vec<ProductRowView>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    pub categories: Vec<CategoryChoice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryChoice {
    pub slug: String,
    /// "Men › Tops › T-Shirts"
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminImageView {
    pub id: i32,
    pub url: String,
    pub alt: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductEditorView {
    pub form: ProductForm,
    pub images: Vec<AdminImageView>,
    pub categories: Vec<CategoryChoice>,
    pub warehouses: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarehouseView {
    pub code: String,
    pub name: String,
    pub on_hand: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelView {
    pub warehouse: String,
    pub warehouse_name: String,
    pub on_hand: i32,
    pub reserved: i32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementView {
    pub at: String,
    pub warehouse: String,
    pub delta: i32,
    pub on_hand_after: i32,
    pub reason: String,
    pub note: String,
    pub by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantStockView {
    pub sku: String,
    pub product_title: String,
    pub product_slug: String,
    pub variant_title: String,
    pub levels: Vec<LevelView>,
    pub movements: Vec<MovementView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRowView {
    pub slug: String,
    pub name: String,
    pub depth: usize,
    /// Parent slug, empty at the top level.
    pub parent: String,
    pub first: bool,
    pub last: bool,
}
