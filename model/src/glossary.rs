//! The words a catalog's options and attributes are made of ("Size",
//! "Navy", "Cotton"), translated once for the whole shop: a product's
//! option values and a category's attribute choices repeat across
//! thousands of products, so staff translate the word, not each product.
//! Values stay English where they are stored and sent (variant matching,
//! filter links); only what a shopper reads changes.
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::Locale;

/// Every translated word, by language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glossary(HashMap<Locale, Words>);

/// The words in one language: (English word, translation), sorted by the
/// English (a list, not a map: the browser's bundle carries less code).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words(Vec<(String, String)>);

impl Words {
    /// `english` in this language, else as it is.
    pub fn word<'a>(&'a self, english: &'a str) -> &'a str {
        self.0
            .binary_search_by(|(e, _)| e.as_str().cmp(english))
            .map_or(english, |at| self.0[at].1.as_str())
    }

    fn insert(&mut self, english: String, translated: String) {
        match self.0.binary_search_by(|(e, _)| e.cmp(&english)) {
            Ok(at) => self.0[at].1 = translated,
            Err(at) => self.0.insert(at, (english, translated)),
        }
    }

    /// A variant's title ("M / Navy", its values joined as the editor
    /// joins them) with each value in this language.
    pub fn variant_title(&self, title: &str) -> String {
        title
            .split(" / ")
            .map(|v| self.word(v))
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

impl Glossary {
    pub fn insert(&mut self, locale: Locale, english: String, translated: String) {
        self.0
            .entry(locale)
            .or_default()
            .insert(english, translated);
    }

    /// A variant's title with each value in `locale` (a mail's lines,
    /// where no page's words are at hand).
    pub fn variant_title(&self, locale: Locale, title: &str) -> String {
        self.0
            .get(&locale)
            .map_or_else(|| title.to_owned(), |words| words.variant_title(title))
    }

    /// The words in `locale` (none in English).
    pub fn words_in(&self, locale: Locale) -> Words {
        self.0.get(&locale).cloned().unwrap_or_default()
    }
}

/// One English word as staff translate it: a translation per language
/// besides English, in `Locale::others` order (empty: shown in English).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordRow {
    pub word: String,
    pub translations: Vec<String>,
    /// Options or attributes use it now (a word no product uses any more
    /// can go).
    #[serde(default)]
    pub in_use: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_without_a_translation_reads_as_it_is() {
        let mut g = Glossary::default();
        g.insert(Locale::De, "Navy".into(), "Marineblau".into());
        g.insert(Locale::De, "Black".into(), "Schwarz".into());
        let (de, fr) = (g.words_in(Locale::De), g.words_in(Locale::Fr));
        assert_eq!(de.word("Navy"), "Marineblau");
        assert_eq!(de.word("Black"), "Schwarz");
        assert_eq!(fr.word("Navy"), "Navy");
        assert_eq!(de.word("Size"), "Size");
        assert_eq!(g.words_in(Locale::En), Words::default());
        assert_eq!(
            g.words_in(Locale::De).variant_title("M / Navy"),
            "M / Marineblau"
        );
    }
}
