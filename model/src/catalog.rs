//! The catalog's shared vocabulary.
use serde::{Deserialize, Serialize};

/// Lifecycle of a product. Only `Active` products are visible to shoppers.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ProductStatus {
    Draft,
    Active,
    Archived,
}

impl ProductStatus {
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The stored (and sent) name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Self> {
        s.trim().parse().ok()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::Active => "Active",
            Self::Archived => "Archived",
        }
    }
}

/// The staff product list's filters, as the URL carries them (empty means
/// "any").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminProductQuery {
    /// Title, slug or SKU contains.
    pub q: String,
    pub status: String,
    /// Category slug (that category only).
    pub category: String,
    /// `in`, `out` or `low` (1–5 left).
    pub stock: String,
    /// `updated` (default), `title`, `price`, `price_desc`.
    pub sort: String,
    pub page: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminProductRow {
    pub slug: String,
    pub title: String,
    pub brand: String,
    pub status: String,
    pub category: String,
    pub price_min: crate::Money,
    pub price_max: crate::Money,
    pub variants: u64,
    pub available: i64,
    pub thumb: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminProductPage {
    pub rows: Vec<AdminProductRow>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
}

/// The staff product list with what its filter needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminProductList {
    pub page: AdminProductPage,
    pub categories: Vec<CategoryChoice>,
}

/// A category to pick from a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryChoice {
    pub slug: String,
    /// "Men › Tops › T-Shirts"
    pub label: String,
}

/// A category in the staff tree, in tree order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRow {
    pub slug: String,
    pub name: String,
    pub depth: usize,
    /// Parent slug, empty at the top level.
    pub parent: String,
    pub first: bool,
    pub last: bool,
}

/// A category's texts as staff edit them: the English description (the
/// name is renamed in the tree) and one row per other language, where the
/// row's `title` is the name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryTexts {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub translations: Vec<crate::product_form::TranslationRow>,
}

/// What staff do to a category.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum CategoryAction {
    /// A new category (name, parent).
    Create,
    /// New name (slug, name).
    Rename,
    /// Under another parent, or the top level (slug, parent).
    Move,
    Up,
    Down,
    /// Only an empty category can go.
    Delete,
}

/// A product image as staff manage it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminImage {
    pub id: i32,
    pub url: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

/// The product editor's data: the form, its images, and what to choose from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductEditor {
    pub form: crate::product_form::ProductForm,
    pub images: Vec<AdminImage>,
    pub categories: Vec<CategoryChoice>,
    pub warehouses: Vec<String>,
    /// Every attribute definition; the form shows those of its category.
    pub attributes: Vec<crate::attributes::EditorAttribute>,
    /// Each saved variant's prices in the other currencies the shop sells in.
    #[serde(default)]
    pub list_prices: Vec<crate::product_form::ListPriceRow>,
    /// A saved product's title and description in each other language.
    #[serde(default)]
    pub translations: Vec<crate::product_form::TranslationRow>,
}
