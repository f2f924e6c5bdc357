//! Wire types of the staff catalog and inventory screens.
use serde::{Deserialize, Serialize};

use super::types::PriceView;

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
    pub price_min: PriceView,
    pub price_max: PriceView,
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

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionForm {
    pub name: String,
    /// Comma-separated, as typed.
    pub values: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockForm {
    pub warehouse: String,
    pub on_hand: String,
    /// What the editor loaded; a save over a count that moved since is refused.
    pub seen: Option<i32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantForm {
    pub values: Vec<String>,
    pub sku: String,
    /// Major units as typed ("12.50").
    pub price: String,
    pub compare_at: String,
    pub weight: String,
    pub stock: Vec<StockForm>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductForm {
    /// The slug being edited; `None` creates a product.
    pub original: Option<String>,
    pub slug: String,
    pub title: String,
    pub brand: String,
    pub category: String,
    pub status: String,
    pub description: String,
    pub seo_title: String,
    pub seo_description: String,
    pub featured: bool,
    pub options: Vec<OptionForm>,
    pub variants: Vec<VariantForm>,
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

/// Splits "S, M ,L" into trimmed, non-empty values, keeping the order.
pub fn split_values(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in s.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        if !out.iter().any(|o| o == v) {
            out.push(v.to_owned());
        }
    }
    out
}

/// Every combination of the options' values, in option order.
pub fn matrix(options: &[OptionForm]) -> Vec<Vec<String>> {
    options
        .iter()
        .filter(|o| !o.name.trim().is_empty())
        .fold(vec![Vec::new()], |acc, o| {
            let values = split_values(&o.values);
            acc.iter()
                .flat_map(|prefix| {
                    values.iter().map(move |v| {
                        let mut next = prefix.clone();
                        next.push(v.clone());
                        next
                    })
                })
                .collect()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_split_trim_and_dedupe() {
        assert_eq!(split_values(" S, M,,M , L "), ["S", "M", "L"]);
    }

    #[test]
    fn matrix_follows_named_options() {
        let opts = [
            OptionForm {
                name: "Size".into(),
                values: "S, M".into(),
            },
            OptionForm {
                name: "".into(),
                values: "ignored".into(),
            },
            OptionForm {
                name: "Colour".into(),
                values: "Red,Blue".into(),
            },
        ];
        let m = matrix(&opts);
        assert_eq!(m.len(), 4);
        assert_eq!(m[1], ["S", "Blue"]);
    }
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
