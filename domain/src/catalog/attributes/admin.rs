//! Staff define a category's attributes (permission `catalog`): name,
//! shop-wide code, kind, unit, choices and whether shoppers filter by it.
//! A kind and a category are fixed once defined (products' values were
//! checked against them); dropping a choice drops the products' values of
//! it. Every change is audited and re-indexes the products carrying it.
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use serde_json::json;

use super::CategoryTree;
use crate::accounts::{Actor, Permission};
use crate::catalog::Catalog;
use crate::entities::{attribute, product_attribute};
use crate::error::Issues;
use crate::{Error, Result};
use model::attributes::{
    self as m, AttributeDef, AttributeInput, AttributeKind, AttributeRow, AttributesAdmin, Choice,
    EditorAttribute,
};

/// A definition as staff typed it, checked; its category is found later.
fn check(input: &AttributeInput) -> Result<AttributeDef> {
    let mut issues = Issues::default();
    let name = input.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > m::MAX_NAME {
        issues.push(
            "name",
            format!("Name the attribute (up to {} characters).", m::MAX_NAME),
        );
    }
    let code = match input.code.trim() {
        "" => crate::seed::slugify(&name),
        typed => typed.to_owned(),
    };
    if !crate::catalog::draft::is_slug(&code) || code.len() > m::MAX_CODE {
        issues.push(
            "code",
            format!(
                "The code may hold lowercase letters, digits and single dashes (up to {}).",
                m::MAX_CODE
            ),
        );
    }
    let kind = AttributeKind::parse(&input.kind);
    if kind.is_none() {
        issues.push("kind", "Choose what the attribute holds.");
    }
    let kind = kind.unwrap_or(AttributeKind::Text);
    let unit = if kind == AttributeKind::Number {
        input.unit.trim().to_owned()
    } else {
        String::new()
    };
    if unit.chars().count() > m::MAX_UNIT || unit.chars().any(char::is_control) {
        issues.push(
            "unit",
            format!("Keep the unit short (up to {} characters).", m::MAX_UNIT),
        );
    }
    let choices = if kind.has_choices() {
        choices(&input.choices, kind, &mut issues)
    } else {
        Vec::new()
    };
    issues.finish()?;
    Ok(AttributeDef {
        code,
        name,
        kind,
        unit,
        choices,
        filterable: input.filterable,
        category: String::new(),
    })
}

/// One choice per line; a colour's ends with its swatch (`Navy #1f2a44`).
fn choices(text: &str, kind: AttributeKind, issues: &mut Issues) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    // One past the limit is enough to say it is too many.
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    for line in lines.take(m::MAX_CHOICES + 1) {
        let (value, swatch) = match line.rsplit_once(' ') {
            Some((v, s)) if kind == AttributeKind::Colour && s.starts_with('#') => {
                (v.trim(), m::swatch(s))
            }
            _ => (line, None),
        };
        if kind == AttributeKind::Colour && swatch.is_none() {
            issues.push(
                "choices",
                format!("{value}: give each colour its swatch, like \"Navy #1f2a44\"."),
            );
            continue;
        }
        if value.chars().count() > m::MAX_CHOICE || value.contains(':') {
            issues.push(
                "choices",
                format!(
                    "Keep each choice under {} characters, without a colon.",
                    m::MAX_CHOICE
                ),
            );
            continue;
        }
        if out.iter().any(|c| c.value.eq_ignore_ascii_case(value)) {
            issues.push("choices", format!("{value} is listed twice."));
            continue;
        }
        out.push(Choice {
            value: value.to_owned(),
            swatch,
        });
    }
    if out.is_empty() {
        issues.push("choices", "List the choices, one per line.");
    }
    if out.len() > m::MAX_CHOICES {
        issues.push(
            "choices",
            format!("An attribute offers at most {} choices.", m::MAX_CHOICES),
        );
    }
    out
}

/// Products carrying the attribute, to re-index after a change.
async fn carriers<C: ConnectionTrait>(conn: &C, attribute_id: i32) -> Result<Vec<i32>> {
    Ok(product_attribute::Entity::find()
        .select_only()
        .column(product_attribute::Column::ProductId)
        .distinct()
        .filter(product_attribute::Column::AttributeId.eq(attribute_id))
        .into_tuple()
        .all(conn)
        .await?)
}

/// A definition as the audit log records it.
fn audit_json(def: &AttributeDef) -> serde_json::Value {
    json!({
        "code": def.code,
        "name": def.name,
        "kind": def.kind.as_str(),
        "unit": def.unit,
        "choices": def.choices,
        "filterable": def.filterable,
        "category": def.category,
    })
}

impl Catalog {
    /// Every definition with how many products carry it, and the categories
    /// to define one on (permission `catalog`).
    pub async fn attributes_admin(&self, actor: &Actor) -> Result<AttributesAdmin> {
        actor.require(Permission::Catalog)?;
        let tree = self.tree().await?;
        let counts: Vec<(i32, i64)> = product_attribute::Entity::find()
            .select_only()
            .column(product_attribute::Column::AttributeId)
            .column_as(
                Expr::col(product_attribute::Column::ProductId).count_distinct(),
                "n",
            )
            .group_by(product_attribute::Column::AttributeId)
            .into_tuple()
            .all(&self.db)
            .await?;
        let rows = tree
            .attributes()
            .iter()
            .map(|a| AttributeRow {
                category_label: tree.label(a.category_id),
                products: counts
                    .iter()
                    .find(|(id, _)| *id == a.id)
                    .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0)),
                def: a.def.clone(),
            })
            .collect();
        Ok(AttributesAdmin {
            rows,
            categories: self.category_choices().await?,
        })
    }

    /// Defines an attribute (`original` empty) or changes one. Returns its code.
    pub async fn save_attribute(&self, actor: &Actor, input: &AttributeInput) -> Result<String> {
        actor.require(Permission::Catalog)?;
        let mut def = check(input)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let tree = CategoryTree::load(&txn).await?;
        let original = input.original.trim();
        let existing = if original.is_empty() {
            None
        } else {
            Some(
                tree.attribute(original)
                    .ok_or(Error::not_found("attribute"))?
                    .clone(),
            )
        };
        let category = match &existing {
            Some(a) => tree.get(a.category_id),
            None => tree.by_slug(input.category.trim()),
        }
        .ok_or_else(|| Error::validation("category", "Choose a category."))?
        .clone();
        let mut issues = Issues::default();
        if tree
            .attribute(&def.code)
            .is_some_and(|a| existing.as_ref().is_none_or(|e| e.id != a.id))
        {
            issues.push(
                "code",
                format!("Another attribute already uses the code {:?}.", def.code),
            );
        }
        if let Some(e) = &existing {
            if e.def.kind != def.kind {
                issues.push(
                    "kind",
                    "An attribute keeps its kind; define a new one for another kind.",
                );
            }
        } else if tree.attributes_for(category.id).len() >= m::MAX_PER_CATEGORY {
            issues.push(
                "category",
                format!(
                    "A category's products carry at most {} attributes.",
                    m::MAX_PER_CATEGORY
                ),
            );
        }
        issues.finish()?;
        def.category = category.slug.clone();

        let choices = serde_json::to_string(&def.choices).map_err(Error::internal)?;
        let id = match &existing {
            Some(e) => {
                attribute::ActiveModel {
                    id: Set(e.id),
                    code: Set(def.code.clone()),
                    name: Set(def.name.clone()),
                    unit: Set(def.unit.clone()),
                    choices: Set(choices),
                    filterable: Set(def.filterable),
                    ..Default::default()
                }
                .update(&txn)
                .await?;
                if def.kind.has_choices() {
                    let kept: Vec<String> = def.choices.iter().map(|c| c.value.clone()).collect();
                    product_attribute::Entity::delete_many()
                        .filter(product_attribute::Column::AttributeId.eq(e.id))
                        .filter(product_attribute::Column::Value.is_not_in(kept))
                        .exec(&txn)
                        .await?;
                }
                e.id
            }
            None => {
                let position = tree
                    .attributes()
                    .iter()
                    .filter(|a| a.category_id == category.id)
                    .count() as i32;
                attribute::ActiveModel {
                    category_id: Set(category.id),
                    code: Set(def.code.clone()),
                    name: Set(def.name.clone()),
                    kind: Set(def.kind.as_str().to_owned()),
                    unit: Set(def.unit.clone()),
                    choices: Set(choices),
                    filterable: Set(def.filterable),
                    position: Set(position),
                    created_at: Set(time::OffsetDateTime::now_utc()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        let (action, before) = match &existing {
            Some(e) => ("attribute.update", Some(audit_json(&e.def))),
            None => ("attribute.create", None),
        };
        crate::audit::record(
            &txn,
            actor,
            action,
            "attribute",
            &def.code,
            before,
            Some(audit_json(&def)),
        )
        .await?;
        crate::search::sync::enqueue(&txn, carriers(&txn, id).await?).await?;
        txn.commit().await?;
        self.forget_tree();
        Ok(def.code)
    }

    /// Removes a definition and every product's values of it.
    pub async fn delete_attribute(&self, actor: &Actor, code: &str) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let tree = CategoryTree::load(&txn).await?;
        let held = tree
            .attribute(code.trim())
            .ok_or(Error::not_found("attribute"))?
            .clone();
        let products = carriers(&txn, held.id).await?;
        product_attribute::Entity::delete_many()
            .filter(product_attribute::Column::AttributeId.eq(held.id))
            .exec(&txn)
            .await?;
        attribute::Entity::delete_by_id(held.id).exec(&txn).await?;
        crate::audit::record(
            &txn,
            actor,
            "attribute.delete",
            "attribute",
            &held.def.code,
            Some(audit_json(&held.def)),
            None,
        )
        .await?;
        crate::search::sync::enqueue(&txn, products).await?;
        txn.commit().await?;
        self.forget_tree();
        Ok(())
    }

    /// Definitions for the product editor, each with the categories whose
    /// products carry it.
    pub(crate) async fn editor_attributes(&self) -> Result<Vec<EditorAttribute>> {
        let tree = self.tree().await?;
        Ok(tree
            .attributes()
            .iter()
            .map(|a| EditorAttribute {
                def: a.def.clone(),
                categories: tree
                    .subtree_ids(a.category_id)
                    .into_iter()
                    .filter_map(|id| tree.get(id).map(|c| c.slug.clone()))
                    .collect(),
            })
            .collect())
    }
}
