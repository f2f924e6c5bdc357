//! The page's language. A page load speaks one locale from start to end
//! (the switcher loads another URL), so it is a plain value in context, not
//! a signal: the server picks it from the request, the browser reads it
//! back from `<html lang>` and the URL, and both render the same words.
use leptos::prelude::*;
pub use model::Locale;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct I18n {
    pub locale: Locale,
    /// The URL names the locale (`/de/…`): links keep the prefix, and the
    /// router matches below it.
    prefixed: bool,
}

impl I18n {
    /// Text without arguments.
    pub fn t(self, key: &'static str) -> &'static str {
        i18n::text(self.locale, key)
    }

    /// Text with its arguments: `i.f("cart-items", &[("count", n.into())])`.
    pub fn f(self, key: &str, args: &[(&str, i18n::Arg<'_>)]) -> String {
        i18n::format(self.locale, key, args)
    }

    /// A message the server sent as a catalog entry; a variant it names
    /// reads in the shop's words for this language.
    pub fn said(self, said: &model::Said) -> String {
        match use_context::<crate::components::site::Site>() {
            Some(site) => site.with(|s| match s {
                Some(s) => i18n::said_in_words(self.locale, said, &s.words),
                None => i18n::said(self.locale, said),
            }),
            None => i18n::said(self.locale, said),
        }
    }

    /// An amount as this locale writes it (`1.234,56 €` in German).
    pub fn money(self, amount: &model::Money) -> String {
        i18n::money(self.locale, amount)
    }

    /// A day as this locale writes it (`21.11.2026` in German).
    pub fn date(self, unix: i64) -> String {
        i18n::date(self.locale, unix)
    }

    /// A country by its ISO code, in this page's language.
    pub fn country(self, code: &str) -> String {
        i18n::country(self.locale, code)
    }

    /// A `YYYY-MM-DD` day as this locale writes it.
    pub fn day(self, ymd: &str) -> String {
        i18n::day(self.locale, ymd)
    }

    /// A decimal from a link ("23.00") as this locale writes it ("23,00").
    pub fn decimal(self, text: &str) -> String {
        i18n::decimal(self.locale, text)
    }

    /// An average rating, one decimal (`4,3` in German).
    pub fn tenths(self, tenths: u32) -> String {
        i18n::tenths(self.locale, tenths)
    }

    /// A link to `path` (`/cart`) that stays in this page's language.
    pub fn href(self, path: &str) -> String {
        match (self.prefixed, path) {
            (false, _) => path.to_owned(),
            (true, "/") => self.locale.prefix().to_owned(),
            (true, _) => format!("{}{path}", self.locale.prefix()),
        }
    }

    /// `&lang=de` on a prefixed page, for a server route that leads back
    /// to pages (the provider sign-in): they stay in this language.
    pub fn lang_param(self) -> String {
        if self.prefixed {
            format!("&lang={}", self.locale.code())
        } else {
            String::new()
        }
    }

    /// Where the router's paths start: `/de` on a prefixed page.
    pub fn base(self) -> &'static str {
        if self.prefixed {
            self.locale.prefix()
        } else {
            ""
        }
    }

    /// The page's language: the URL's prefix, else the signed-in
    /// account's own ([`AccountLocale`]), else `Accept-Language`, else
    /// English.
    #[cfg(feature = "ssr")]
    pub fn detect() -> Self {
        use_context::<http::request::Parts>()
            .map(|parts| Self::of_request(&parts))
            .unwrap_or_default()
    }

    /// The language [`Self::detect`] picks for `parts`; the server reads
    /// the page's frame in it before the page renders.
    #[cfg(feature = "ssr")]
    pub fn of_request(parts: &http::request::Parts) -> Self {
        match Locale::split_path(parts.uri.path()) {
            (_, path) if is_admin(path) => return Self::default(),
            (Some(locale), _) => {
                return Self {
                    locale,
                    prefixed: true,
                }
            }
            (None, _) => {}
        }
        if let Some(AccountLocale(locale)) = parts.extensions.get::<AccountLocale>() {
            return Self {
                locale: *locale,
                prefixed: false,
            };
        }
        Self {
            locale: asked_for(&parts.headers),
            prefixed: false,
        }
    }

    /// The browser reads what the server decided: `<html lang>` and the
    /// URL's prefix.
    #[cfg(not(feature = "ssr"))]
    pub fn detect() -> Self {
        let locale = document()
            .document_element()
            .map(|html| html.get_attribute("lang").unwrap_or_default())
            .and_then(|lang| Locale::from_tag(&lang))
            .unwrap_or_default();
        let path = window().location().pathname().unwrap_or_default();
        let (prefix, rest) = Locale::split_path(&path);
        Self {
            locale,
            prefixed: prefix == Some(locale) && !is_admin(rest),
        }
    }
}

/// The language the browser's `Accept-Language` picks (English when it
/// names none we speak): pages without a prefix, the REST API, and the
/// page cache's key for both.
#[cfg(feature = "ssr")]
pub fn asked_for(headers: &http::HeaderMap) -> Locale {
    headers
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::negotiate)
        .unwrap_or_default()
}

/// The signed-in account's language, put on a page request by the server
/// (read from the session, which is async; detecting is not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccountLocale(pub Locale);

/// The admin speaks English (its text is not in the catalogs yet), under
/// any prefix and whatever the browser asks for.
fn is_admin(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/")
}

/// Decides the page's language and shares it with every component.
pub fn provide_i18n() -> I18n {
    let i18n = I18n::detect();
    // Without a prefix the language came from the request's headers.
    #[cfg(feature = "ssr")]
    if !i18n.prefixed {
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.append_header(
                http::header::VARY,
                http::HeaderValue::from_static("accept-language"),
            );
        }
    }
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    use_context().unwrap_or_else(I18n::detect)
}
