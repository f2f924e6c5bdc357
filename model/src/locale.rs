//! The languages the shop speaks, and how a request picks one: the URL's
//! prefix first (`/de/…`), then the browser's `Accept-Language`, then
//! English.
use serde::{Deserialize, Serialize};

named!(
    /// A language the storefront, account pages and mails are written in.
    Locale {
        En => "English",
        De => "Deutsch",
        Fr => "Français",
    }
);

// `named!` takes no variant attributes, so no `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for Locale {
    fn default() -> Self {
        Self::En
    }
}

/// `Accept-Language` values longer than this are not read (a browser sends
/// well under a hundred bytes).
pub const MAX_ACCEPT_LANGUAGE: usize = 512;

impl Locale {
    /// The languages besides the catalog's own (English): those staff
    /// translate into.
    pub fn others() -> impl Iterator<Item = Self> {
        Self::ALL.iter().copied().filter(|l| *l != Self::En)
    }

    /// The BCP 47 tag, as in `<html lang>` and `hreflang`.
    pub fn code(self) -> &'static str {
        self.as_str()
    }

    /// The locale a language tag names: `de`, `de-AT`, `DE_ch` are German.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Self::ALL
            .iter()
            .copied()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// A path's locale prefix and the path without it:
    /// `/de/cart` → (`de`, `/cart`), `/fr` → (`fr`, `/`), `/cart` → (none, `/cart`).
    pub fn split_path(path: &str) -> (Option<Self>, &str) {
        let rest = path.strip_prefix('/').unwrap_or(path);
        let (first, tail) = rest.split_once('/').map_or((rest, ""), |(f, t)| (f, t));
        match Self::ALL.iter().copied().find(|l| l.code() == first) {
            Some(locale) if tail.is_empty() => (Some(locale), "/"),
            Some(locale) => (Some(locale), &path[first.len() + 1..]),
            None => (None, path),
        }
    }

    /// The path prefix this locale's pages live under (`/de`).
    pub fn prefix(self) -> &'static str {
        match self {
            Self::En => "/en",
            Self::De => "/de",
            Self::Fr => "/fr",
        }
    }

    /// The prefix of links the shop hands out (mails, payment pages): none
    /// for English, whose pages are the unprefixed ones.
    pub fn link_prefix(self) -> &'static str {
        match self {
            Self::En => "",
            other => other.prefix(),
        }
    }

    /// [`Self::link_prefix`] for a plain route that leads on to pages
    /// (`&lang=de`): nothing for English.
    pub fn link_param(self) -> String {
        match self {
            Self::En => String::new(),
            other => format!("&lang={}", other.code()),
        }
    }

    /// The best locale the browser asked for, by its `q` weights (ties go
    /// to the one listed first); `None` when it asked for none we speak.
    pub fn negotiate(accept_language: &str) -> Option<Self> {
        if accept_language.len() > MAX_ACCEPT_LANGUAGE {
            return None;
        }
        let mut best: Option<(Self, u16)> = None;
        for range in accept_language.split(',') {
            let mut parts = range.split(';');
            let Some(locale) = parts.next().and_then(Self::from_tag) else {
                continue;
            };
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), quality);
            match weight {
                Some(w) if w > 0 && best.is_none_or(|(_, b)| w > b) => best = Some((locale, w)),
                _ => {}
            }
        }
        best.map(|(locale, _)| locale)
    }
}

/// A `q` value in thousandths (`0.8` → 800); `None` when it is not one.
fn quality(q: &str) -> Option<u16> {
    let value: f32 = q.trim().parse().ok()?;
    (0.0..=1.0)
        .contains(&value)
        .then(|| (value * 1000.0).round() as u16)
}

#[cfg(test)]
mod tests {
    use super::Locale::{self, *};

    #[test]
    fn tags_name_their_language_whatever_the_region() {
        assert_eq!(Locale::from_tag("de-AT"), Some(De));
        assert_eq!(Locale::from_tag("FR_ca"), Some(Fr));
        assert_eq!(Locale::from_tag("en"), Some(En));
        assert_eq!(Locale::from_tag("es"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn every_prefix_is_its_code_and_english_links_have_none() {
        for l in Locale::ALL.iter().copied() {
            assert_eq!(l.prefix(), format!("/{}", l.code()));
            assert_eq!(Locale::split_path(l.prefix()), (Some(l), "/"));
        }
        assert_eq!(En.link_prefix(), "");
        assert_eq!(De.link_prefix(), "/de");
        assert_eq!(En.link_param(), "");
        assert_eq!(Fr.link_param(), "&lang=fr");
    }

    #[test]
    fn paths_split_on_a_known_prefix_only() {
        assert_eq!(Locale::split_path("/de/cart"), (Some(De), "/cart"));
        assert_eq!(
            Locale::split_path("/fr/product/a-b"),
            (Some(Fr), "/product/a-b")
        );
        assert_eq!(Locale::split_path("/de"), (Some(De), "/"));
        assert_eq!(Locale::split_path("/de/"), (Some(De), "/"));
        assert_eq!(Locale::split_path("/deals"), (None, "/deals"));
        assert_eq!(Locale::split_path("/cart"), (None, "/cart"));
        assert_eq!(Locale::split_path("/"), (None, "/"));
    }

    #[test]
    fn the_heaviest_language_we_speak_wins() {
        assert_eq!(Locale::negotiate("de-DE,de;q=0.9,en;q=0.8"), Some(De));
        assert_eq!(Locale::negotiate("es-ES, fr;q=0.5, en;q=0.4"), Some(Fr));
        assert_eq!(Locale::negotiate("en;q=0.2, de;q=0.7"), Some(De));
        assert_eq!(Locale::negotiate("fr;q=0, en"), Some(En));
        assert_eq!(Locale::negotiate("es, it"), None);
        assert_eq!(Locale::negotiate("de;q=abc"), None);
        assert_eq!(Locale::negotiate(""), None);
        assert_eq!(Locale::negotiate(&"de,".repeat(400)), None);
    }
}
