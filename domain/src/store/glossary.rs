//! The glossary staff keep of the catalog's option and attribute words
//! (`model::glossary`): read whole into each instance's [`Current`] and
//! refreshed with the store profile when the change feed says the shop
//! changed (the table's trigger writes a `store` row).
use std::collections::{BTreeMap, BTreeSet};

use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};
use serde_json::json;

use super::Store;
use crate::accounts::{Actor, Permission};
use crate::entities::{attribute, catalog_word, product_option, product_option_value};
use crate::error::Issues;
use crate::{Error, Result};
use model::attributes::Choice;
use model::glossary::{Glossary, WordRow};
use model::Locale;

/// Words a glossary holds, and rows the page offers, at most.
pub const MAX_WORDS: usize = 2_000;
/// As the option values' and attribute names' own bound.
const MAX_WORD: usize = 120;

pub(super) async fn load<C: ConnectionTrait>(conn: &C) -> Result<Glossary> {
    Ok(glossary(&saved(conn).await?))
}

/// Word → translations (as [`saved`] reads them) as the shop shows them.
fn glossary(words: &BTreeMap<String, Vec<String>>) -> Glossary {
    let mut out = Glossary::default();
    for (word, translations) in words {
        for (locale, t) in Locale::others().zip(translations) {
            if !t.is_empty() {
                out.insert(locale, word.clone(), t.clone());
            }
        }
    }
    out
}

/// Saved rows as word → translations in [`Locale::others`] order.
async fn saved<C: ConnectionTrait>(conn: &C) -> Result<BTreeMap<String, Vec<String>>> {
    let locales: Vec<Locale> = Locale::others().collect();
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in catalog_word::Entity::find().all(conn).await? {
        let Some(at) =
            Locale::from_tag(&row.locale).and_then(|l| locales.iter().position(|x| *x == l))
        else {
            continue;
        };
        out.entry(row.word)
            .or_insert_with(|| vec![String::new(); locales.len()])[at] = row.translation;
    }
    Ok(out)
}

/// The words options and attributes use now: option names and values,
/// attribute names and choices.
async fn in_use<C: ConnectionTrait>(conn: &C) -> Result<BTreeSet<String>> {
    let limit = MAX_WORDS as u64;
    let mut words: BTreeSet<String> = BTreeSet::new();
    let names: Vec<String> = product_option::Entity::find()
        .select_only()
        .column(product_option::Column::Name)
        .distinct()
        .limit(limit)
        .into_tuple()
        .all(conn)
        .await?;
    let values: Vec<String> = product_option_value::Entity::find()
        .select_only()
        .column(product_option_value::Column::Value)
        .distinct()
        .limit(limit)
        .into_tuple()
        .all(conn)
        .await?;
    words.extend(names);
    words.extend(values);
    for a in attribute::Entity::find().limit(limit).all(conn).await? {
        words.insert(a.name);
        let choices: Vec<Choice> = serde_json::from_str(&a.choices).unwrap_or_default();
        words.extend(choices.into_iter().map(|c| c.value));
    }
    words.retain(|w| !w.trim().is_empty());
    Ok(words)
}

/// The rows as word → translations, every problem named under its field
/// (`words.3.word`, `words.3.de`). A row without any translation is
/// dropped: the word shows as it is.
fn read(rows: &[WordRow]) -> Result<BTreeMap<String, Vec<String>>> {
    if rows.len() > MAX_WORDS {
        return Err(Error::validation(
            "words",
            format!("Up to {MAX_WORDS} words."),
        ));
    }
    let locales: Vec<Locale> = Locale::others().collect();
    let mut issues = Issues::default();
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        let word = row.word.trim();
        if row.translations.len() != locales.len() {
            issues.push(
                &format!("words.{i}.word"),
                "Give one translation per language.".to_owned(),
            );
            continue;
        }
        let translations: Vec<String> = row
            .translations
            .iter()
            .map(|t| t.trim().to_owned())
            .collect();
        if translations.iter().all(String::is_empty) {
            continue;
        }
        if word.is_empty() || word.chars().count() > MAX_WORD {
            issues.push(
                &format!("words.{i}.word"),
                format!("Give the English word (up to {MAX_WORD} characters)."),
            );
            continue;
        }
        if out.contains_key(word) {
            issues.push(
                &format!("words.{i}.word"),
                format!("{word} is listed twice."),
            );
            continue;
        }
        let mut fine = true;
        for (locale, t) in locales.iter().zip(&translations) {
            if t.chars().count() > MAX_WORD {
                issues.push(
                    &format!("words.{i}.{}", locale.code()),
                    format!("{}: up to {MAX_WORD} characters.", locale.label()),
                );
                fine = false;
            }
        }
        if fine {
            out.insert(word.to_owned(), translations);
        }
    }
    issues.finish()?;
    Ok(out)
}

impl Store {
    /// The glossary page (permission `catalog`): every word options and
    /// attributes use, and every word translated, alphabetically.
    pub async fn word_rows(&self, actor: &Actor) -> Result<Vec<WordRow>> {
        actor.require(Permission::Catalog)?;
        let saved = saved(&self.db).await?;
        let used = in_use(&self.db).await?;
        let blank = vec![String::new(); Locale::others().count()];
        let mut words: BTreeSet<&String> = used.iter().collect();
        words.extend(saved.keys());
        Ok(words
            .into_iter()
            .take(MAX_WORDS)
            .map(|w| WordRow {
                word: w.clone(),
                translations: saved.get(w).cloned().unwrap_or_else(|| blank.clone()),
                in_use: used.contains(w),
            })
            .collect())
    }

    /// Sets the glossary to exactly the rows with a translation
    /// (permission `catalog`): every row is read before anything is
    /// written; this instance reads the new words at once, the others
    /// through the change feed.
    pub async fn save_words(&self, actor: &Actor, rows: &[WordRow]) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let wanted = read(rows)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let before = saved(&txn).await?;
        if before == wanted {
            return Ok(());
        }
        catalog_word::Entity::delete_many().exec(&txn).await?;
        let inserts: Vec<catalog_word::ActiveModel> = wanted
            .iter()
            .flat_map(|(word, translations)| {
                Locale::others()
                    .zip(translations)
                    .filter(|(_, t)| !t.is_empty())
                    .map(|(locale, t)| catalog_word::ActiveModel {
                        word: sea_orm::Set(word.clone()),
                        locale: sea_orm::Set(locale.code().to_owned()),
                        translation: sea_orm::Set(t.clone()),
                    })
            })
            .collect();
        for chunk in inserts.chunks(200) {
            catalog_word::Entity::insert_many(chunk.to_vec())
                .exec_without_returning(&txn)
                .await?;
        }
        let changed = |from: &BTreeMap<String, Vec<String>>, to: &BTreeMap<String, Vec<String>>| {
            from.iter()
                .filter(|(w, t)| to.get(*w) != Some(*t))
                .map(|(w, t)| (w.clone(), json!(t)))
                .collect::<serde_json::Map<_, _>>()
        };
        crate::audit::record(
            &txn,
            actor,
            "catalog.words",
            "glossary",
            "words",
            Some(changed(&before, &wanted).into()),
            Some(changed(&wanted, &before).into()),
        )
        .await?;
        txn.commit().await?;
        self.current.set_words(glossary(&wanted));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(word: &str, de: &str, fr: &str) -> WordRow {
        WordRow {
            word: word.into(),
            translations: vec![de.into(), fr.into()],
            in_use: false,
        }
    }

    #[test]
    fn rows_without_a_translation_drop_and_bad_rows_are_named() {
        let read_back =
            read(&[row(" Navy ", "Marineblau", ""), row("Size", "", "")]).expect("reads");
        assert_eq!(read_back.len(), 1);
        assert_eq!(read_back["Navy"], ["Marineblau", ""]);

        let Err(Error::Invalid { issues }) = read(&[
            row("", "Leer", ""),
            row("Navy", "Marineblau", ""),
            row("Navy", "Dunkelblau", ""),
            row("Red", "", &"r".repeat(MAX_WORD + 1)),
        ]) else {
            panic!("refused");
        };
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["words.0.word", "words.2.word", "words.3.fr"]);
    }
}
