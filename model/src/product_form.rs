//! The product editor's form as the browser holds it: every number still
//! text as typed, so a wrong one can be shown back with its issue. The
//! domain reads it into a checked draft (`domain::catalog::form`).
use serde::{Deserialize, Serialize};

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

/// A variant's price set by hand in one currency other than the base, as
/// typed in the editor; an empty price converts from the base price.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPriceRow {
    pub sku: String,
    pub currency: String,
    pub price: String,
    pub compare_at: String,
}

/// The product's title and description in one other language, as typed in
/// the editor; an empty title means "show the English".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationRow {
    /// The locale's code (`de`).
    pub locale: String,
    pub title: String,
    pub description: String,
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

/// The low-stock level of a new product, and of every product before
/// levels were set per product.
pub const DEFAULT_LOW_STOCK: i32 = 5;
/// Above this a "low" level would alert on every product all the time.
pub const MAX_LOW_STOCK: i32 = 100_000;

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
    /// Units per warehouse at which staff are alerted, as typed; empty
    /// (or left out by an older page) is the default level.
    #[serde(default)]
    pub low_stock: String,
    pub options: Vec<OptionForm>,
    pub variants: Vec<VariantForm>,
    /// Values of the category's attributes, as typed.
    #[serde(default)]
    pub attributes: Vec<crate::attributes::AttributeField>,
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
