//! The product editor's form, read into a checked draft and written back
//! from one. Numbers arrive as typed; every one that does not parse is
//! reported at once under its field (`variants.2.price`), beside the
//! draft's own rules, which [`ProductDraft::validate`] checks later.
use model::attributes::AttributeField;
use model::product_form::{
    split_values, OptionForm, ProductForm, StockForm, VariantForm, DEFAULT_LOW_STOCK,
};

use super::draft::{OptionDraft, ProductDraft, VariantDraft};
use super::editor::StockSeen;
use crate::error::Issues;
use crate::money::{Currency, Money};
use crate::{Error, Result};

impl super::Catalog {
    /// The editor's data: the product's form and images (an empty draft
    /// form when `slug` is empty), and the categories and warehouses to
    /// choose from (permission `catalog`).
    pub async fn product_editor(
        &self,
        actor: &crate::accounts::Actor,
        currencies: &crate::store::Currencies,
        slug: &str,
        warehouses: Vec<String>,
    ) -> Result<model::catalog::ProductEditor> {
        actor.require(crate::accounts::Permission::Catalog)?;
        let currency = currencies.base;
        let (form, images) = if slug.is_empty() {
            let form = ProductForm {
                status: "draft".into(),
                low_stock: DEFAULT_LOW_STOCK.to_string(),
                options: vec![OptionForm::default()],
                ..Default::default()
            };
            (form, Vec::new())
        } else {
            let draft = self.product_draft(actor, slug).await?;
            let images = self.product_images(actor, slug).await?;
            (write(draft, currency), images)
        };
        let list_prices = self.list_price_rows(currencies, &form).await?;
        let translations = if slug.is_empty() {
            Vec::new()
        } else {
            self.translation_rows(slug).await?
        };
        Ok(model::catalog::ProductEditor {
            form,
            images,
            categories: self.category_choices().await?,
            warehouses,
            attributes: self.editor_attributes().await?,
            list_prices,
            translations,
        })
    }
}

/// Reads the form in the shop's currency.
pub fn read(f: ProductForm, currency: Currency) -> Result<(ProductDraft, StockSeen)> {
    let mut issues = Issues::default();
    let mut seen = StockSeen::new();
    let mut variants = Vec::new();
    for (i, v) in f.variants.into_iter().enumerate() {
        let label = if v.sku.trim().is_empty() {
            v.values.join(" / ")
        } else {
            v.sku.trim().to_owned()
        };
        let field = |name: &str| format!("variants.{i}.{name}");
        let price = issues.take(Money::parse_major(&v.price, currency).ok_or_else(|| {
            invalid(
                field("price"),
                format!("{label}: enter a price like 12.50."),
            )
        }))?;
        let compare_at = match v.compare_at.trim() {
            "" => None,
            raw => Some(
                issues.take(Money::parse_major(raw, currency).ok_or_else(|| {
                    invalid(
                        field("compare_at"),
                        format!("{label}: enter a compare-at price like 15.00, or leave it empty."),
                    )
                }))?,
            ),
        };
        let weight = match v.weight.trim() {
            "" => 0,
            raw => issues.take(raw.parse::<i32>().map_err(|_| {
                invalid(
                    field("weight"),
                    format!("{label}: weight is a whole number of grams."),
                )
            }))?,
        };
        let mut stock = Vec::new();
        for s in v.stock {
            let units = match s.on_hand.trim() {
                "" => 0,
                raw => issues.take(raw.parse::<i32>().map_err(|_| {
                    invalid(
                        field("stock"),
                        format!("{label}: stock in {} is a whole number.", s.warehouse),
                    )
                }))?,
            };
            if let Some(n) = s.seen {
                seen.insert((v.sku.trim().to_owned(), s.warehouse.clone()), n);
            }
            stock.push((s.warehouse, units));
        }
        variants.push(VariantDraft {
            sku: v.sku,
            values: v.values,
            price_minor: price,
            compare_at_minor: compare_at,
            weight_grams: weight,
            stock,
        });
    }
    let low_stock_threshold = match f.low_stock.trim() {
        "" => DEFAULT_LOW_STOCK,
        raw => issues.take(raw.parse::<i32>().map_err(|_| {
            invalid(
                "low_stock".to_owned(),
                "The low-stock level is a whole number of units.".to_owned(),
            )
        }))?,
    };
    issues.finish()?;
    let draft = ProductDraft {
        slug: f.slug,
        title: f.title,
        brand: f.brand,
        category: f.category,
        status: f.status,
        description: f.description,
        seo_title: f.seo_title,
        seo_description: f.seo_description,
        featured: f.featured,
        low_stock_threshold,
        options: f
            .options
            .into_iter()
            .filter(|o| !o.name.trim().is_empty())
            .map(|o| OptionDraft {
                name: o.name,
                values: split_values(&o.values),
            })
            .collect(),
        variants,
        attributes: f.attributes.into_iter().fold(
            super::attributes::Values::new(),
            |mut acc, a| {
                acc.entry(a.code).or_default().extend(a.values);
                acc
            },
        ),
    };
    Ok((draft, seen))
}

/// The form that edits a stored draft.
pub fn write(d: ProductDraft, currency: Currency) -> ProductForm {
    let major = |minor: i64| Money::new(minor, currency).decimal_string();
    ProductForm {
        original: Some(d.slug.clone()),
        slug: d.slug,
        title: d.title,
        brand: d.brand,
        category: d.category,
        status: d.status,
        description: d.description,
        seo_title: d.seo_title,
        seo_description: d.seo_description,
        featured: d.featured,
        low_stock: d.low_stock_threshold.to_string(),
        attributes: d
            .attributes
            .into_iter()
            .map(|(code, values)| AttributeField { code, values })
            .collect(),
        options: d
            .options
            .into_iter()
            .map(|o| OptionForm {
                name: o.name,
                values: o.values.join(", "),
            })
            .collect(),
        variants: d
            .variants
            .into_iter()
            .map(|v| VariantForm {
                values: v.values,
                sku: v.sku,
                price: major(v.price_minor),
                compare_at: v.compare_at_minor.map(major).unwrap_or_default(),
                weight: v.weight_grams.to_string(),
                stock: v
                    .stock
                    .into_iter()
                    .map(|(warehouse, n)| StockForm {
                        warehouse,
                        on_hand: n.to_string(),
                        seen: Some(n),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn invalid(field: String, message: String) -> Error {
    Error::invalid([(field, message)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(price: &str, weight: &str) -> VariantForm {
        VariantForm {
            sku: "TEE-1".into(),
            price: price.into(),
            weight: weight.into(),
            ..Default::default()
        }
    }

    #[test]
    fn every_unreadable_number_is_named_by_its_row() {
        let form = ProductForm {
            variants: vec![variant("12.50", "200"), variant("twelve", "heavy")],
            ..Default::default()
        };
        let Err(Error::Invalid { issues }) = read(form, Currency::Usd) else {
            panic!("refused");
        };
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["variants.1.price", "variants.1.weight"]);
    }

    #[test]
    fn a_written_form_reads_back() {
        let form = ProductForm {
            slug: "tee".into(),
            original: Some("tee".into()),
            low_stock: "3".into(),
            options: vec![OptionForm {
                name: "Size".into(),
                values: "S, M".into(),
            }],
            variants: vec![VariantForm {
                values: vec!["S".into()],
                sku: "TEE-S".into(),
                price: "1200".into(),
                compare_at: String::new(),
                weight: "150".into(),
                stock: vec![StockForm {
                    warehouse: "MAIN".into(),
                    on_hand: "4".into(),
                    seen: Some(4),
                }],
            }],
            ..Default::default()
        };
        let (draft, seen) = read(form.clone(), Currency::Jpy).expect("reads");
        assert_eq!(
            draft.variants[0].price_minor, 1200,
            "yen have no minor unit"
        );
        assert_eq!(seen.len(), 1);
        assert_eq!(write(draft, Currency::Jpy), form);
    }
}
