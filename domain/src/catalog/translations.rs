//! A product's title and description in the languages other than the
//! catalog's own (English): read beside the English, so a page held once
//! can be shown in any language (`presented`), indexed per language for
//! search, and written by staff from the product editor.
use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use time::OffsetDateTime;

use super::Catalog;
use crate::accounts::{Actor, Permission};
use crate::entities::{product, product_translation};
use crate::error::Issues;
use crate::{Error, Result};
use model::product_form::TranslationRow;
use model::storefront::Translation;
use model::Locale;

/// What a translation row may hold: the English field's bounds
/// (`ProductDraft::validate` for a product's).
pub(super) struct Bounds {
    /// "title", "name": the field a row cannot go without.
    pub title: &'static str,
    pub max_title: usize,
    pub max_description: usize,
}

const PRODUCT: Bounds = Bounds {
    title: "title",
    max_title: 200,
    max_description: 20_000,
};

/// The translations of `product_ids`, by product.
pub(crate) async fn of_products<C: ConnectionTrait>(
    conn: &C,
    product_ids: &[i32],
) -> Result<HashMap<i32, Vec<Translation>>> {
    let mut out: HashMap<i32, Vec<Translation>> = HashMap::new();
    if product_ids.is_empty() {
        return Ok(out);
    }
    let rows = product_translation::Entity::find()
        .filter(product_translation::Column::ProductId.is_in(product_ids.iter().copied()))
        .order_by_asc(product_translation::Column::Locale)
        .all(conn)
        .await?;
    for row in rows {
        if let Some(locale) = Locale::from_tag(&row.locale) {
            out.entry(row.product_id).or_default().push(Translation {
                locale,
                title: row.title,
                description: row.description,
            });
        }
    }
    Ok(out)
}

/// For cards: the titles only.
pub(crate) async fn titles_of<C: ConnectionTrait>(
    conn: &C,
    product_ids: &[i32],
) -> Result<HashMap<i32, Vec<(Locale, String)>>> {
    let mut out: HashMap<i32, Vec<(Locale, String)>> = HashMap::new();
    if product_ids.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(i32, String, String)> = product_translation::Entity::find()
        .select_only()
        .column(product_translation::Column::ProductId)
        .column(product_translation::Column::Locale)
        .column(product_translation::Column::Title)
        .filter(product_translation::Column::ProductId.is_in(product_ids.iter().copied()))
        .into_tuple()
        .all(conn)
        .await?;
    for (id, locale, title) in rows {
        if let Some(locale) = Locale::from_tag(&locale) {
            out.entry(id).or_default().push((locale, title));
        }
    }
    Ok(out)
}

/// One row per language a product can be translated into, filled with
/// what is saved.
pub(super) fn rows(saved: &[Translation]) -> Vec<TranslationRow> {
    Locale::others()
        .map(|locale| {
            let t = saved.iter().find(|t| t.locale == locale);
            TranslationRow {
                locale: locale.code().to_owned(),
                title: t.map(|t| t.title.clone()).unwrap_or_default(),
                description: t.map(|t| t.description.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// The rows as translations, every problem named under its field
/// (`translations.1.title`). A row without a title is dropped: the
/// language shows the English.
pub(super) fn read(rows: &[TranslationRow], bounds: &Bounds) -> Result<Vec<Translation>> {
    if rows.len() > Locale::ALL.len() {
        return Err(Error::validation("translations", "Too many languages."));
    }
    let mut issues = Issues::default();
    let mut out: Vec<Translation> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let field = |name: &str| format!("translations.{i}.{name}");
        let locale = match Locale::from_tag(&row.locale) {
            Some(l) if l != Locale::En && !out.iter().any(|t| t.locale == l) => l,
            _ => {
                issues.push(
                    &field("title"),
                    format!("{} is not a language to translate into.", row.locale),
                );
                continue;
            }
        };
        let title = row.title.trim();
        let description = row.description.trim();
        if title.is_empty() {
            if !description.is_empty() {
                issues.push(
                    &field("title"),
                    format!("{}: give the {} too.", locale.label(), bounds.title),
                );
            }
            continue;
        }
        if title.chars().count() > bounds.max_title {
            issues.push(
                &field("title"),
                format!("{}: up to {} characters.", locale.label(), bounds.max_title),
            );
            continue;
        }
        if description.chars().count() > bounds.max_description {
            issues.push(
                &field("description"),
                format!(
                    "{}: the description is too long ({} characters at most).",
                    locale.label(),
                    bounds.max_description
                ),
            );
            continue;
        }
        out.push(Translation {
            locale,
            title: title.to_owned(),
            description: description.to_owned(),
        });
    }
    issues.finish()?;
    Ok(out)
}

pub(super) fn described(list: &[Translation]) -> serde_json::Value {
    list.iter()
        .map(|t| {
            (
                t.locale.code().to_owned(),
                serde_json::Value::from(t.title.clone()),
            )
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

impl Catalog {
    /// The editor's rows for a saved product (`slug`), one per language.
    pub(super) async fn translation_rows(&self, slug: &str) -> Result<Vec<TranslationRow>> {
        let Some(id) = product_id(&self.db, slug).await? else {
            return Ok(Vec::new());
        };
        let mut saved = of_products(&self.db, &[id]).await?;
        Ok(rows(&saved.remove(&id).unwrap_or_default()))
    }

    /// Sets the product's translations to exactly the rows with a title
    /// (permission `catalog`): every row is read before anything is
    /// written, in one transaction that also queues the product's search
    /// document.
    pub async fn save_translations(
        &self,
        actor: &Actor,
        slug: &str,
        rows: &[TranslationRow],
    ) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let wanted = read(rows, &PRODUCT)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let id = product_id(&txn, slug)
            .await?
            .ok_or(Error::not_found("product"))?;
        let before = of_products(&txn, &[id])
            .await?
            .remove(&id)
            .unwrap_or_default();
        if before == wanted {
            return Ok(());
        }
        product_translation::Entity::delete_many()
            .filter(product_translation::Column::ProductId.eq(id))
            .exec(&txn)
            .await?;
        let now = OffsetDateTime::now_utc();
        for t in &wanted {
            product_translation::ActiveModel {
                product_id: Set(id),
                locale: Set(t.locale.code().to_owned()),
                title: Set(t.title.clone()),
                description: Set(t.description.clone()),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?;
        }
        crate::search::sync::enqueue(&txn, vec![id]).await?;
        crate::audit::record(
            &txn,
            actor,
            "catalog.translations",
            "product",
            slug.trim(),
            Some(described(&before)),
            Some(described(&wanted)),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

async fn product_id<C: ConnectionTrait>(conn: &C, slug: &str) -> Result<Option<i32>> {
    Ok(product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .filter(product::Column::Slug.eq(slug.trim()))
        .into_tuple()
        .one(conn)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(locale: &str, title: &str, description: &str) -> TranslationRow {
        TranslationRow {
            locale: locale.into(),
            title: title.into(),
            description: description.into(),
        }
    }

    #[test]
    fn the_editor_offers_every_language_but_english() {
        let saved = [Translation {
            locale: Locale::Fr,
            title: "Veste de pluie".into(),
            description: String::new(),
        }];
        let shown = rows(&saved);
        assert_eq!(shown.len(), Locale::ALL.len() - 1);
        assert!(shown.iter().all(|r| r.locale != "en"));
        let fr = shown.iter().find(|r| r.locale == "fr").expect("fr row");
        assert_eq!(fr.title, "Veste de pluie");
    }

    #[test]
    fn rows_without_a_title_fall_back_and_bad_rows_are_named() {
        let read_back = read(
            &[row("de", " Regenjacke ", "Wasserdicht."), row("fr", "", "")],
            &PRODUCT,
        )
        .expect("reads");
        assert_eq!(read_back.len(), 1);
        assert_eq!(read_back[0].title, "Regenjacke");

        let Err(Error::Invalid { issues }) = read(
            &[
                row("en", "Rain Jacket", ""),
                row("de", "", "Nur Text."),
                row("fr", &"x".repeat(PRODUCT.max_title + 1), ""),
            ],
            &PRODUCT,
        ) else {
            panic!("refused");
        };
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "translations.0.title",
                "translations.1.title",
                "translations.2.title"
            ]
        );
    }
}
