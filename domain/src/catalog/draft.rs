//! A product as the editor and the CSV file describe it: plain values,
//! checked here before anything is written. The same rules serve the form
//! (one product) and the import (every row of a file).
use std::collections::HashSet;

use model::product_form::MAX_LOW_STOCK;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDraft {
    pub slug: String,
    pub title: String,
    pub brand: String,
    /// Category slug.
    pub category: String,
    /// `draft`, `active` or `archived`.
    pub status: String,
    pub description: String,
    pub seo_title: String,
    pub seo_description: String,
    pub featured: bool,
    pub low_stock_threshold: i32,
    pub options: Vec<OptionDraft>,
    pub variants: Vec<VariantDraft>,
    /// Attribute code → values as typed; stored forms once checked.
    #[serde(default)]
    pub attributes: super::attributes::Values,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionDraft {
    pub name: String,
    pub values: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantDraft {
    pub sku: String,
    /// One value per option, in option order.
    pub values: Vec<String>,
    pub price_minor: i64,
    pub compare_at_minor: Option<i64>,
    pub weight_grams: i32,
    /// Units on the shelf per warehouse code.
    pub stock: Vec<(String, i32)>,
}

impl VariantDraft {
    pub fn title(&self) -> String {
        if self.values.is_empty() {
            "Default".to_owned()
        } else {
            self.values.join(" / ")
        }
    }
}

/// One thing wrong with a draft, phrased for the person who typed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub field: String,
    pub message: String,
    /// The variant (index into `variants`) the issue is about, if one.
    pub variant: Option<usize>,
}

#[derive(Default)]
struct Issues(Vec<Issue>);

impl Issues {
    fn bad(&mut self, field: &str, message: String) {
        self.0.push(Issue {
            field: field.to_owned(),
            message,
            variant: None,
        });
    }
}

/// What a draft is checked against.
pub struct Known<'a> {
    pub categories: &'a HashSet<String>,
    pub warehouses: &'a HashSet<String>,
}

pub const MAX_OPTIONS: usize = 3;
pub const MAX_VARIANTS: usize = 250;
/// A hundred million in major units of a two-decimal currency.
const MAX_PRICE_MINOR: i64 = 10_000_000_000;

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 120
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn is_sku(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl ProductDraft {
    /// Trims text fields and fills a missing slug from the title.
    pub fn normalise(&mut self) {
        for s in [
            &mut self.slug,
            &mut self.title,
            &mut self.brand,
            &mut self.category,
            &mut self.status,
            &mut self.seo_title,
            &mut self.seo_description,
        ] {
            *s = s.trim().to_owned();
        }
        self.description = self.description.trim().to_owned();
        if self.slug.is_empty() {
            self.slug = crate::seed::slugify(&self.title);
        }
        self.options
            .retain(|o| !o.name.trim().is_empty() || !o.values.is_empty());
        for o in &mut self.options {
            o.name = o.name.trim().to_owned();
            for v in &mut o.values {
                *v = v.trim().to_owned();
            }
        }
        for v in &mut self.variants {
            v.sku = v.sku.trim().to_owned();
            v.stock.sort();
            for value in &mut v.values {
                *value = value.trim().to_owned();
            }
        }
    }

    pub fn validate(&self, known: &Known<'_>) -> Vec<Issue> {
        let mut out = Issues::default();
        let chars = |s: &str| s.chars().count();
        if self.title.is_empty() || chars(&self.title) > 200 {
            out.bad(
                "title",
                "Give the product a title (up to 200 characters).".into(),
            );
        }
        if !is_slug(&self.slug) {
            out.bad(
                "slug",
                "The URL name may hold lowercase letters, digits and single dashes (up to 120)."
                    .into(),
            );
        }
        if chars(&self.brand) > 80 {
            out.bad("brand", "Keep the brand under 80 characters.".into());
        }
        if !known.categories.contains(&self.category) {
            out.bad(
                "category",
                format!("There is no category {:?}.", self.category),
            );
        }
        if !matches!(self.status.as_str(), "draft" | "active" | "archived") {
            out.bad("status", "Status is draft, active or archived.".into());
        }
        if chars(&self.description) > 20_000 {
            out.bad(
                "description",
                "The description is too long (20,000 characters at most).".into(),
            );
        }
        if chars(&self.seo_title) > 120 {
            out.bad(
                "seo_title",
                "Keep the SEO title under 120 characters.".into(),
            );
        }
        if chars(&self.seo_description) > 320 {
            out.bad(
                "seo_description",
                "Keep the SEO description under 320 characters.".into(),
            );
        }
        if !(0..=MAX_LOW_STOCK).contains(&self.low_stock_threshold) {
            out.bad(
                "low_stock",
                format!("The low-stock level is a whole number from 0 to {MAX_LOW_STOCK}."),
            );
        }
        if self.options.len() > MAX_OPTIONS {
            out.bad(
                "options",
                format!("A product has at most {MAX_OPTIONS} options."),
            );
        }
        let mut names = HashSet::new();
        for o in &self.options {
            if o.name.is_empty() || chars(&o.name) > 40 {
                out.bad(
                    "options",
                    "Every option needs a name (up to 40 characters).".into(),
                );
            } else if !names.insert(o.name.to_lowercase()) {
                out.bad("options", format!("The option {:?} appears twice.", o.name));
            }
            if o.values.is_empty() {
                out.bad(
                    "options",
                    format!("Give the option {:?} at least one value.", o.name),
                );
            }
            let mut seen = HashSet::new();
            for v in &o.values {
                if v.is_empty() || chars(v) > 60 {
                    out.bad(
                        "options",
                        format!("Values of {:?} must be 1–60 characters.", o.name),
                    );
                } else if !seen.insert(v.to_lowercase()) {
                    out.bad("options", format!("{:?} appears twice in {:?}.", v, o.name));
                }
            }
        }
        if self.variants.is_empty() {
            out.bad("variants", "A product needs at least one variant.".into());
        }
        if self.variants.len() > MAX_VARIANTS {
            out.bad(
                "variants",
                format!("A product has at most {MAX_VARIANTS} variants."),
            );
        }
        let mut skus = HashSet::new();
        let mut combos = HashSet::new();
        for (i, v) in self.variants.iter().enumerate() {
            let first = out.0.len();
            let label = if v.sku.is_empty() {
                v.title()
            } else {
                v.sku.clone()
            };
            if !is_sku(&v.sku) {
                out.bad(
                    "sku",
                    format!("{label}: the SKU may hold letters, digits, - _ . (1–64)."),
                );
            } else if !skus.insert(v.sku.to_uppercase()) {
                out.bad("sku", format!("The SKU {} is used twice.", v.sku));
            }
            if v.values.len() != self.options.len() {
                out.bad(
                    "variants",
                    format!("{label}: pick one value for each option."),
                );
            } else {
                for (o, value) in self.options.iter().zip(&v.values) {
                    if !o.values.contains(value) {
                        out.bad(
                            "variants",
                            format!("{label}: {:?} is not a value of {:?}.", value, o.name),
                        );
                    }
                }
                if !combos.insert(v.values.join("\u{1f}")) {
                    out.bad(
                        "variants",
                        format!("{label}: the combination {} exists twice.", v.title()),
                    );
                }
            }
            if !(0..=MAX_PRICE_MINOR).contains(&v.price_minor) {
                out.bad("price", format!("{label}: enter a price of zero or more."));
            }
            if let Some(c) = v.compare_at_minor {
                if c <= v.price_minor || c > MAX_PRICE_MINOR {
                    out.bad(
                        "compare_at",
                        format!("{label}: the compare-at price must be higher than the price."),
                    );
                }
            }
            if !(0..=1_000_000).contains(&v.weight_grams) {
                out.bad(
                    "weight",
                    format!("{label}: weight is in grams, 0 to 1,000,000."),
                );
            }
            let mut houses = HashSet::new();
            for (w, units) in &v.stock {
                if !known.warehouses.contains(w) {
                    out.bad("stock", format!("{label}: there is no warehouse {w:?}."));
                } else if !houses.insert(w) {
                    out.bad("stock", format!("{label}: warehouse {w} is listed twice."));
                }
                if !(0..=10_000_000).contains(units) {
                    out.bad("stock", format!("{label}: stock must be zero or more."));
                }
            }
            for issue in &mut out.0[first..] {
                issue.variant = Some(i);
            }
        }
        out.0
    }
}

/// Every combination of the options' values, in option order: what the
/// editor offers as the variant matrix.
pub fn matrix(options: &[OptionDraft]) -> Vec<Vec<String>> {
    options.iter().fold(vec![Vec::new()], |acc, o| {
        acc.iter()
            .flat_map(|prefix| {
                o.values.iter().map(move |v| {
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

    fn known() -> (HashSet<String>, HashSet<String>) {
        (
            ["tees".to_owned()].into(),
            ["MAIN".to_owned(), "EAST".to_owned()].into(),
        )
    }

    fn tee() -> ProductDraft {
        let options = vec![
            OptionDraft {
                name: "Size".into(),
                values: vec!["S".into(), "M".into()],
            },
            OptionDraft {
                name: "Colour".into(),
                values: vec!["Red".into(), "Blue".into()],
            },
        ];
        let variants = matrix(&options)
            .into_iter()
            .enumerate()
            .map(|(i, values)| VariantDraft {
                sku: format!("TEE-{i}"),
                values,
                price_minor: 1500,
                compare_at_minor: None,
                weight_grams: 200,
                stock: vec![("MAIN".into(), 3)],
            })
            .collect();
        ProductDraft {
            slug: String::new(),
            title: "  Plain Tee ".into(),
            category: "tees".into(),
            status: "active".into(),
            options,
            variants,
            ..Default::default()
        }
    }

    #[test]
    fn matrix_is_every_combination_in_order() {
        let t = tee();
        let m = matrix(&t.options);
        assert_eq!(m.len(), 4);
        assert_eq!(m[0], ["S", "Red"]);
        assert_eq!(m[3], ["M", "Blue"]);
        assert_eq!(matrix(&[]), vec![Vec::<String>::new()]);
    }

    #[test]
    fn a_good_draft_passes_and_gets_a_slug() {
        let (c, w) = known();
        let mut t = tee();
        t.normalise();
        assert_eq!(t.slug, "plain-tee");
        assert_eq!(
            t.validate(&Known {
                categories: &c,
                warehouses: &w
            }),
            vec![]
        );
    }

    #[test]
    fn each_mistake_is_named() {
        let (c, w) = known();
        let mut t = tee();
        t.normalise();
        t.variants[1].sku = "TEE-0".into();
        t.variants[2].values[0] = "XL".into();
        t.variants[3].compare_at_minor = Some(100);
        t.variants[0].stock.push(("NOPE".into(), 1));
        t.category = "hats".into();
        let issues = t.validate(&Known {
            categories: &c,
            warehouses: &w,
        });
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(
            fields,
            ["category", "stock", "sku", "variants", "compare_at"],
            "{issues:?}"
        );
    }
}
