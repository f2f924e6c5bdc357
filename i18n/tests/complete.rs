//! Every locale says everything English says, with the same variables, and
//! every key the code asks for exists.
use std::collections::BTreeSet;
use std::path::Path;

use i18n::{catalog, Locale};

#[test]
fn every_catalog_parses() {
    for &locale in Locale::ALL {
        let errors = &catalog(locale).syntax_errors;
        assert!(errors.is_empty(), "{locale:?}: {errors:#?}");
    }
}

#[test]
fn every_locale_has_every_english_message_with_the_same_variables() {
    let english = catalog(Locale::En).messages();
    assert!(!english.is_empty());
    for &locale in &Locale::ALL[1..] {
        let theirs = catalog(locale).messages();
        let missing: Vec<_> = english
            .iter()
            .filter(|(id, _)| !theirs.iter().any(|(t, _)| t == id))
            .map(|(id, _)| id.as_str())
            .collect();
        let extra: Vec<_> = theirs
            .iter()
            .filter(|(id, _)| !english.iter().any(|(e, _)| e == id))
            .map(|(id, _)| id.as_str())
            .collect();
        let different: Vec<_> = theirs
            .iter()
            .filter(|t| english.iter().any(|e| e.0 == t.0 && e.1 != t.1))
            .map(|(id, _)| id.as_str())
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty() && different.is_empty(),
            "{locale:?}: missing {missing:?}, not in English {extra:?}, other variables {different:?}"
        );
    }
}

/// The keys the code names — `.t("key")`, `.f("key", …)`,
/// `text(locale, "key")`, `format(locale, "key", …)` (on one line or
/// several) in Rust, and `{{ t("key", …) }}` in mail templates — in every
/// file under `dir`.
fn keys_used(dir: &Path, found: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            keys_used(&path, found);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "html" || e == "txt")
        {
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            for (opener, skip_locale) in [
                (".t(", false),
                // Mail templates and their subjects: `{{ t("key", …) }}`.
                ("{{ t(", false),
                (".f(", false),
                ("i18n::text(", true),
                ("i18n::format(", true),
                // Messages the server refuses with (`model::Said`).
                ("Said::new(", false),
            ] {
                for (at, _) in source.match_indices(opener) {
                    let mut rest = &source[at + opener.len()..];
                    if skip_locale {
                        match rest.split_once(',') {
                            Some((arg, tail)) if !arg.contains([')', '"']) => rest = tail,
                            _ => continue,
                        }
                    }
                    let Some(literal) = rest.trim_start().strip_prefix('"') else {
                        continue;
                    };
                    if let Some((key, _)) = literal.split_once('"') {
                        found.insert(key.to_owned());
                    }
                }
            }
        }
    }
}

#[test]
fn every_key_the_code_asks_for_is_in_english() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut used = BTreeSet::new();
    for dir in ["app/src", "domain/src", "server/src"] {
        keys_used(&root.join(dir), &mut used);
    }
    assert!(used.contains("skip-to-content"), "the scan finds keys");
    let english: BTreeSet<String> = catalog(Locale::En)
        .messages()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let unknown: Vec<_> = used.difference(&english).collect();
    assert!(unknown.is_empty(), "keys with no English text: {unknown:?}");
}

#[test]
fn every_message_formats_in_every_locale() {
    for &locale in Locale::ALL {
        for (id, vars) in catalog(locale).messages() {
            let args: Vec<(&str, i18n::Arg)> = vars
                .iter()
                .map(|v| (v.as_str(), i18n::Arg::Number(2)))
                .collect();
            let text = i18n::format(locale, &id, &args);
            assert!(!text.is_empty() && text != id, "{locale:?} {id}: {text:?}");
        }
    }
}

/// French sets "?", "!", ";" and ":" off with a space that never breaks
/// (narrow before the first three, full before the colon), and the inside
/// of « guillemets » likewise: a plain space lets a line end before the
/// mark and leave it alone at the start of the next.
#[test]
fn french_punctuation_is_not_left_alone_on_a_line() {
    for (id, vars) in catalog(Locale::Fr).messages() {
        let args: Vec<(&str, i18n::Arg)> = vars
            .iter()
            .map(|v| (v.as_str(), i18n::Arg::Number(2)))
            .collect();
        let text = i18n::format(Locale::Fr, &id, &args);
        let loose = [" ?", " !", " ;", " :", "« ", " »"];
        let found: Vec<_> = loose.iter().filter(|p| text.contains(*p)).collect();
        assert!(found.is_empty(), "{id}: {found:?} in {text:?}");
        for (mark, space) in [('?', '\u{202f}'), ('!', '\u{202f}'), (';', '\u{202f}')] {
            assert!(
                !text.contains(&format!("\u{a0}{mark}")),
                "{id}: a full space before {mark:?} (French uses a narrow one: {space:?})"
            );
        }
    }
}
