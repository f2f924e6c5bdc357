//! Typed product attributes: each category defines some (held with the
//! category tree), its products and those below it carry values. Values are
//! stored in one canonical form ([`model::attributes::AttributeDef::canonical`]),
//! so filters, facet counts and the search documents agree on them.
mod admin;
pub(super) mod listing;

use std::collections::{BTreeMap, HashMap};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::draft::Issue;
use super::CategoryTree;
use crate::entities::{attribute, product_attribute};
use crate::{Error, Result};
use model::attributes::{AttributeDef, AttributeKind, Choice, Spec, SpecValue};

/// Code → stored values, in the definition's order: a product's attributes
/// as drafts, the editor and the CSV file hold them.
pub type Values = BTreeMap<String, Vec<String>>;

/// A definition with the ids the database knows it by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldAttribute {
    pub id: i32,
    pub category_id: i32,
    pub def: AttributeDef,
}

fn def_of(row: attribute::Model, tree: &CategoryTree) -> Result<HeldAttribute> {
    let kind = AttributeKind::parse(&row.kind)
        .ok_or_else(|| Error::internal(format!("attribute {}: kind {:?}", row.code, row.kind)))?;
    let choices: Vec<Choice> = serde_json::from_str(&row.choices)
        .map_err(|e| Error::internal(format!("attribute {} choices: {e}", row.code)))?;
    Ok(HeldAttribute {
        id: row.id,
        category_id: row.category_id,
        def: AttributeDef {
            code: row.code,
            name: row.name,
            kind,
            unit: row.unit,
            choices,
            filterable: row.filterable,
            category: tree
                .get(row.category_id)
                .map(|c| c.slug.clone())
                .unwrap_or_default(),
        },
    })
}

/// Every definition, by category and position.
pub(super) async fn load<C: ConnectionTrait>(
    conn: &C,
    tree: &CategoryTree,
) -> Result<Vec<HeldAttribute>> {
    attribute::Entity::find()
        .order_by_asc(attribute::Column::CategoryId)
        .order_by_asc(attribute::Column::Position)
        .order_by_asc(attribute::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|row| def_of(row, tree))
        .collect()
}

/// The products' stored values by product id.
pub(crate) async fn values_of<C: ConnectionTrait>(
    conn: &C,
    tree: &CategoryTree,
    product_ids: &[i32],
) -> Result<HashMap<i32, Values>> {
    let mut out: HashMap<i32, Values> = HashMap::new();
    if product_ids.is_empty() || tree.attributes().is_empty() {
        return Ok(out);
    }
    let code: HashMap<i32, &str> = tree
        .attributes()
        .iter()
        .map(|a| (a.id, a.def.code.as_str()))
        .collect();
    for chunk in product_ids.chunks(500) {
        let rows = product_attribute::Entity::find()
            .filter(product_attribute::Column::ProductId.is_in(chunk.iter().copied()))
            .order_by_asc(product_attribute::Column::ProductId)
            .order_by_asc(product_attribute::Column::AttributeId)
            .order_by_asc(product_attribute::Column::Position)
            .all(conn)
            .await?;
        for r in rows {
            if let Some(code) = code.get(&r.attribute_id) {
                out.entry(r.product_id)
                    .or_default()
                    .entry((*code).to_owned())
                    .or_default()
                    .push(r.value);
            }
        }
    }
    Ok(out)
}

/// Replaces a product's values with `values` (already checked).
pub(super) async fn write<C: ConnectionTrait>(
    conn: &C,
    tree: &CategoryTree,
    product_id: i32,
    values: &Values,
) -> Result<()> {
    product_attribute::Entity::delete_many()
        .filter(product_attribute::Column::ProductId.eq(product_id))
        .exec(conn)
        .await?;
    let mut rows = Vec::new();
    for (code, list) in values {
        let held = tree
            .attribute(code)
            .ok_or_else(|| Error::validation("attributes", "That attribute was just removed."))?;
        for (position, value) in list.iter().enumerate() {
            rows.push(product_attribute::ActiveModel {
                product_id: Set(product_id),
                attribute_id: Set(held.id),
                value: Set(value.clone()),
                position: Set(position as i32),
            });
        }
    }
    if !rows.is_empty() {
        product_attribute::Entity::insert_many(rows)
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// Checks a draft's values against what its category defines and puts each
/// in its stored form; one issue per attribute that is wrong, under
/// `attributes.<code>`.
pub(super) fn check(
    tree: &CategoryTree,
    category: &str,
    values: &mut Values,
    issues: &mut Vec<Issue>,
) {
    let Some(c) = tree.by_slug(category) else {
        // The category's own issue says it all.
        values.clear();
        return;
    };
    let applicable = tree.attributes_for(c.id);
    let mut checked = Values::new();
    for (code, raw) in std::mem::take(values) {
        let field = format!("attributes.{code}");
        let Some(held) = applicable.iter().find(|a| a.def.code == code) else {
            if raw.iter().any(|v| !v.trim().is_empty()) {
                issues.push(Issue {
                    field,
                    message: format!("{} has no attribute {code:?}.", c.name),
                    variant: None,
                });
            }
            continue;
        };
        match held.def.canonical_all(&raw) {
            Ok(list) if list.is_empty() => {}
            Ok(list) => {
                checked.insert(code, list);
            }
            Err(message) => issues.push(Issue {
                field,
                message,
                variant: None,
            }),
        }
    }
    *values = checked;
}

/// The specification table of a product of category `category_id`: its
/// attributes in definition order, those without a value left out.
pub fn specs(tree: &CategoryTree, category_id: i32, values: &Values) -> Vec<Spec> {
    tree.attributes_for(category_id)
        .into_iter()
        .filter_map(|held| {
            let list = values.get(&held.def.code)?;
            Some(Spec {
                name: held.def.name.clone(),
                unit: held.def.unit.clone(),
                values: list
                    .iter()
                    .map(|v| SpecValue {
                        value: v.clone(),
                        label: held.def.label(v),
                        swatch: held.def.swatch(v),
                    })
                    .collect(),
            })
        })
        .collect()
}

/// `code:value` of each filterable value, for search documents, and the
/// words shoppers may search them by.
pub fn facet_values(tree: &CategoryTree, values: &Values) -> (Vec<String>, Vec<String>) {
    let mut facets = Vec::new();
    let mut words = Vec::new();
    for (code, list) in values {
        let Some(held) = tree.attribute(code) else {
            continue;
        };
        for v in list {
            if held.def.is_facet() {
                facets.push(held.def.facet_value(v));
            }
            // "waterproof" finds what is waterproof, not what says "yes".
            match held.def.kind {
                AttributeKind::Boolean if v == model::attributes::YES => {
                    words.push(held.def.name.clone());
                }
                AttributeKind::Boolean => {}
                _ => words.push(held.def.label(v)),
            }
        }
    }
    (facets, words)
}
