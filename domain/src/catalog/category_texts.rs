//! A category's words beyond its English name: the English description and
//! the name and description in the other languages. Held with the tree
//! (`CategoryTree::texts_of`), so navigation, breadcrumbs, facets and the
//! category page read in the shopper's language; written by staff on the
//! category's page in the admin.
use std::collections::HashMap;

use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use super::categories_admin::{load as load_tree, reindex_subtree, MAX_NAME};
use super::translations::{described, read, rows, Bounds};
use super::Catalog;
use crate::accounts::{Actor, Permission};
use crate::entities::{category, category_translation};
use crate::{Error, Result};
use model::catalog::CategoryTexts;
use model::product_form::TranslationRow;
use model::storefront::{CategoryText, Translation};
use model::Locale;

const CATEGORY: Bounds = Bounds {
    title: "name",
    max_title: MAX_NAME,
    max_description: MAX_DESCRIPTION,
};
const MAX_DESCRIPTION: usize = 5_000;

/// Every category's translations, by category.
pub(super) async fn load<C: ConnectionTrait>(db: &C) -> Result<HashMap<i32, Vec<CategoryText>>> {
    let mut out: HashMap<i32, Vec<CategoryText>> = HashMap::new();
    for row in category_translation::Entity::find().all(db).await? {
        if let Some(locale) = Locale::from_tag(&row.locale) {
            out.entry(row.category_id).or_default().push(CategoryText {
                locale,
                name: row.name,
                description: row.description,
            });
        }
    }
    for texts in out.values_mut() {
        texts.sort_by_key(|t| t.locale.code());
    }
    Ok(out)
}

/// The shape the translation rows are read into and shown from.
fn as_translations(texts: &[CategoryText]) -> Vec<Translation> {
    texts
        .iter()
        .map(|t| Translation {
            locale: t.locale,
            title: t.name.clone(),
            description: t.description.clone(),
        })
        .collect()
}

fn check_description(description: &str) -> Result<String> {
    let description = description.trim();
    if description.chars().count() > MAX_DESCRIPTION {
        return Err(Error::validation(
            "description",
            format!("The description is too long ({MAX_DESCRIPTION} characters at most)."),
        ));
    }
    Ok(description.to_owned())
}

impl Catalog {
    /// The category's page in the admin (permission `catalog`).
    pub async fn category_texts(&self, actor: &Actor, slug: &str) -> Result<CategoryTexts> {
        actor.require(Permission::Catalog)?;
        let tree = self.tree().await?;
        let c = tree.by_slug(slug).ok_or(Error::not_found("category"))?;
        Ok(CategoryTexts {
            slug: c.slug.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            translations: rows(&as_translations(tree.texts_of(c.id))),
        })
    }

    /// Sets the English description and the translations to exactly the
    /// rows with a name (permission `catalog`): everything is read before
    /// anything is written, in one transaction that also queues the
    /// products below for the search (their documents carry the names).
    pub async fn save_category_texts(
        &self,
        actor: &Actor,
        slug: &str,
        description: &str,
        translations: &[TranslationRow],
    ) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let description = check_description(description)?;
        let wanted = read(translations, &CATEGORY)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let tree = load_tree(&txn).await?;
        let c = tree
            .by_slug(slug.trim())
            .ok_or(Error::not_found("category"))?
            .clone();
        let before = as_translations(&load(&txn).await?.remove(&c.id).unwrap_or_default());
        if before == wanted && c.description == description {
            return Ok(());
        }
        if c.description != description {
            category::Entity::update_many()
                .col_expr(
                    category::Column::Description,
                    Expr::value(description.clone()),
                )
                .filter(category::Column::Id.eq(c.id))
                .exec(&txn)
                .await?;
        }
        if before != wanted {
            category_translation::Entity::delete_many()
                .filter(category_translation::Column::CategoryId.eq(c.id))
                .exec(&txn)
                .await?;
            for t in &wanted {
                category_translation::ActiveModel {
                    category_id: Set(c.id),
                    locale: Set(t.locale.code().to_owned()),
                    name: Set(t.title.clone()),
                    description: Set(t.description.clone()),
                }
                .insert(&txn)
                .await?;
            }
            reindex_subtree(&txn, &tree, c.id).await?;
        }
        crate::audit::record(
            &txn,
            actor,
            "category.texts",
            "category",
            &c.slug,
            Some(json!({ "description": c.description, "names": described(&before) })),
            Some(json!({ "description": description, "names": described(&wanted) })),
        )
        .await?;
        txn.commit().await?;
        self.forget_tree();
        Ok(())
    }
}
