//! Translated text: one Fluent catalog per [`Locale`] (`locales/<code>/*.ftl`),
//! embedded in the binary and in the browser's WASM alike, so the server's
//! render, the hydrated page and the mails read the same words.
//!
//! A catalog is parsed the first time its locale is asked for. Messages
//! without arguments are formatted once then and handed out as `&'static
//! str`, so a page render pays a hash lookup per string, not a format.
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use model::Locale;

mod check;
mod numbers;
pub use numbers::{decimal, money, number, tenths};

pub struct Catalog {
    locale: Locale,
    bundle: FluentBundle<FluentResource>,
    plain: HashMap<String, String>,
    /// Syntax errors met while parsing (the completeness test lists them).
    pub syntax_errors: Vec<String>,
}

macro_rules! catalog {
    ($code:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $code, ".ftl"))
    };
}

fn source(locale: Locale) -> &'static str {
    match locale {
        Locale::En => catalog!("en"),
        Locale::De => catalog!("de"),
        Locale::Fr => catalog!("fr"),
    }
}

static EN: LazyLock<Catalog> = LazyLock::new(|| Catalog::load(Locale::En));
static DE: LazyLock<Catalog> = LazyLock::new(|| Catalog::load(Locale::De));
static FR: LazyLock<Catalog> = LazyLock::new(|| Catalog::load(Locale::Fr));

/// The catalog of `locale`, parsed on first use.
pub fn catalog(locale: Locale) -> &'static Catalog {
    match locale {
        Locale::En => &EN,
        Locale::De => &DE,
        Locale::Fr => &FR,
    }
}

/// An argument to a message: text or a whole number (numbers choose plural
/// forms: `{ $count -> [one] … *[other] … }`).
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Self::Text(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Self::Text(s)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Self::Number(i64::from(n))
            }
        }
    )*};
}
number_arg!(i32, u32, i64, u8, u16);

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// `key` in `locale`; English when the locale lacks it, and the key itself
/// when English does too (the completeness test keeps both from happening).
pub fn text(locale: Locale, key: &'static str) -> &'static str {
    plain(locale, key).unwrap_or(key)
}

/// A message without variables in `locale`, else in English.
fn plain(locale: Locale, key: &str) -> Option<&'static str> {
    catalog(locale)
        .plain(key)
        .or_else(|| catalog(Locale::En).plain(key))
}

/// A country by its ISO code, as `locale` names it (`country-de`); the
/// code itself for a country the catalogs do not name.
pub fn country(locale: Locale, code: &str) -> String {
    let key = format!("country-{}", code.trim().to_ascii_lowercase());
    plain(locale, &key).map_or_else(|| code.to_owned(), str::to_owned)
}

/// `key` in `locale` with its arguments filled in; English, then the key,
/// as with [`text`].
pub fn format(locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent.set(*name, FluentValue::from(*s)),
            Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    catalog(locale)
        .format(key, &fluent)
        .or_else(|| catalog(Locale::En).format(key, &fluent))
        .unwrap_or_else(|| key.to_owned())
}

/// A message the server sent as a catalog entry ([`model::Said`]), in
/// `locale`: amounts written as the locale writes money.
pub fn said(locale: Locale, said: &model::Said) -> String {
    said_in_words(locale, said, &model::glossary::Words::default())
}

/// [`said`], with a variant's values in the shop's `words` for `locale`.
pub fn said_in_words(locale: Locale, said: &model::Said, words: &model::glossary::Words) -> String {
    let written: Vec<Option<String>> = said
        .args
        .iter()
        .map(|(_, v)| match v {
            model::SaidArg::Money(m) => Some(money(locale, m)),
            model::SaidArg::Country(code) => Some(country(locale, code)),
            model::SaidArg::Variant(title) => Some(words.variant_title(title)),
            _ => None,
        })
        .collect();
    let args: Vec<(&str, Arg<'_>)> = said
        .args
        .iter()
        .zip(&written)
        .map(|((name, value), written)| {
            let arg = match (value, written) {
                (_, Some(w)) => Arg::Text(w),
                (model::SaidArg::Number(n), None) => Arg::Number(*n),
                (model::SaidArg::Text(t), None) => Arg::Text(t),
                (
                    model::SaidArg::Money(_)
                    | model::SaidArg::Country(_)
                    | model::SaidArg::Variant(_),
                    None,
                ) => Arg::Text(""),
            };
            (name.as_str(), arg)
        })
        .collect();
    format(locale, &said.key, &args)
}

/// A day as the locale writes it (`2026-12-01`, `01.12.2026`,
/// `01/12/2026`), from the catalog's `date` message.
pub fn date(locale: Locale, unix: i64) -> String {
    let (y, m, d) = model::dates::civil(unix);
    written_day(
        locale,
        &format!("{y:04}"),
        &format!("{m:02}"),
        &format!("{d:02}"),
    )
}

/// Year, month and day, zero-padded, through the catalog's `date` message.
fn written_day(locale: Locale, year: &str, month: &str, day: &str) -> String {
    format(
        locale,
        "date",
        &[
            ("year", Arg::Text(year)),
            ("month", Arg::Text(month)),
            ("day", Arg::Text(day)),
        ],
    )
}

/// A `YYYY-MM-DD` day as the locale writes it; anything else as it is.
pub fn day(locale: Locale, ymd: &str) -> String {
    let mut parts = ymd.splitn(3, '-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(year), Some(month), Some(day))
            if [year, month, day]
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) =>
        {
            written_day(locale, year, month, day)
        }
        _ => ymd.to_owned(),
    }
}

impl Catalog {
    fn load(locale: Locale) -> Self {
        let (resource, syntax_errors) = match FluentResource::try_new(source(locale).to_owned()) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (
                resource,
                errors.iter().map(|e| format!("{locale:?}: {e}")).collect(),
            ),
        };
        let lang = locale.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        // Unicode isolation marks would land in the HTML and the mails.
        bundle.set_use_isolating(false);
        let ids: Vec<String> = check::message_ids(&resource);
        let mut syntax_errors = syntax_errors;
        if let Err(errors) = bundle.add_resource(resource) {
            syntax_errors.extend(errors.iter().map(|e| format!("{locale:?}: {e}")));
        }
        let mut plain = HashMap::with_capacity(ids.len());
        for id in ids {
            if let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let value = bundle.format_pattern(pattern, None, &mut errors);
                if errors.is_empty() {
                    plain.insert(id, value.into_owned());
                }
            }
        }
        Self {
            locale,
            bundle,
            plain,
            syntax_errors,
        }
    }

    fn plain(&'static self, key: &str) -> Option<&'static str> {
        self.plain.get(key).map(String::as_str)
    }

    fn format(&self, key: &str, args: &FluentArgs<'_>) -> Option<String> {
        let pattern = self.bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        let value = self.bundle.format_pattern(pattern, Some(args), &mut errors);
        errors.is_empty().then(|| value.into_owned())
    }

    /// Every message's id and the variables it reads.
    pub fn messages(&self) -> Vec<(String, Vec<String>)> {
        check::messages(source(self.locale))
    }
}

#[cfg(test)]
mod tests;
