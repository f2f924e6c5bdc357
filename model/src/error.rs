//! The one error every caller sees — server functions, the REST API, the
//! browser: a stable machine code (`cart.out_of_stock`), the HTTP status,
//! a message a person understands, and for forms the issue of each field,
//! so a page can mark the field that is wrong and keep what was typed.
//! Internals (database errors, stack traces) never get here: the server
//! logs them and sends a generic message.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldIssue {
    /// The form field's `name`.
    pub field: String,
    pub message: String,
    /// The message as a catalog entry, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said: Option<Said>,
}

/// A message from the catalogs (`i18n`): its key and variables, so the
/// browser says it in the reader's language. The English `message` beside
/// it is for logs, the REST API and anything without the catalogs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    pub key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, SaidArg)>,
}

/// Tagged on the wire (`{"number":2}`): an untagged enum's decoder cost
/// the browser's bundle 1.3 kB more (brotli).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SaidArg {
    Number(i64),
    Text(String),
    /// Written as the reader's locale writes money.
    Money(crate::Money),
    /// An ISO country code, named in the reader's language.
    Country(String),
    /// A variant's title as the shop stores it ("M / Navy"), each value
    /// in the reader's words (the shop's glossary).
    Variant(String),
}

impl Said {
    /// `key` without variables; [`Self::text`] and [`Self::number`] add them.
    pub fn new(key: &str) -> Self {
        Self {
            key: key.to_owned(),
            args: Vec::new(),
        }
    }

    pub fn text(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args
            .push((name.to_owned(), SaidArg::Text(value.into())));
        self
    }

    pub fn number(mut self, name: &str, value: i64) -> Self {
        self.args.push((name.to_owned(), SaidArg::Number(value)));
        self
    }

    pub fn money(mut self, name: &str, value: crate::Money) -> Self {
        self.args.push((name.to_owned(), SaidArg::Money(value)));
        self
    }

    pub fn variant(mut self, name: &str, title: &str) -> Self {
        self.args
            .push((name.to_owned(), SaidArg::Variant(title.to_owned())));
        self
    }

    pub fn country(mut self, name: &str, code: &str) -> Self {
        self.args
            .push((name.to_owned(), SaidArg::Country(code.to_owned())));
        self
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// Stable and machine-readable: `validation`, `not_found.product`,
    /// `auth.required`, `rate_limited` …
    pub code: String,
    /// The HTTP status it is answered with.
    pub status: u16,
    /// Written for the person who made the request.
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<FieldIssue>,
    /// Seconds to wait before trying again (429, 503).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// The message as a catalog entry, when it is one (boxed: a server
    /// function's `Result` stays small).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said: Option<Box<Said>>,
}

impl AppError {
    pub fn new(code: impl Into<String>, status: u16, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            status,
            message: message.into(),
            issues: Vec::new(),
            retry_after: None,
            said: None,
        }
    }

    /// One field is wrong.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            issues: vec![FieldIssue {
                field: field.into(),
                message: message.clone(),
                said: None,
            }],
            ..Self::new("validation", 422, message)
        }
    }

    /// A request the server could not read (a malformed form, JSON or
    /// query); `detail` says what was wrong with it ("missing field `slug`"),
    /// for whoever wrote the client.
    pub fn malformed(detail: &str) -> Self {
        let detail: String = detail.chars().take(300).collect();
        Self::new(
            "request.malformed",
            400,
            format!(
                "This request could not be read ({detail}). Please reload the page and try again."
            ),
        )
    }

    /// The browser could not reach the shop at all.
    pub fn unreachable() -> Self {
        Self::new(
            "network",
            0,
            "We couldn't reach the shop. Check your connection and try again.",
        )
    }

    pub fn internal() -> Self {
        Self::new(
            "internal",
            500,
            "Something went wrong on our side. Please try again in a moment.",
        )
    }

    /// The message for `field`, if that field is wrong.
    pub fn issue(&self, field: &str) -> Option<&str> {
        self.issues
            .iter()
            .find(|i| i.field == field)
            .map(|i| i.message.as_str())
    }
}

#[cfg(feature = "server-fn")]
mod server_fn_error {
    use server_fn::codec::JsonEncoding;
    use server_fn::error::{FromServerFnError, ServerFnErrorErr};

    use super::AppError;

    /// Errors server_fn raises itself (a request it cannot decode, a
    /// network failure in the browser) become `AppError`s too, so every
    /// caller handles one type.
    impl FromServerFnError for AppError {
        type Encoder = JsonEncoding;

        fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
            match value {
                ServerFnErrorErr::Args(e)
                | ServerFnErrorErr::MissingArg(e)
                | ServerFnErrorErr::Deserialization(e) => AppError::malformed(&e),
                ServerFnErrorErr::UnsupportedRequestMethod(_) => AppError::new(
                    "request.method",
                    405,
                    "This address does not take that kind of request.",
                ),
                ServerFnErrorErr::Request(_) => AppError::unreachable(),
                _ => AppError::internal(),
            }
        }
    }
}

/// The JSON answer of every refused plain route and layer (uploads, CSV,
/// CSRF, rate limits): the same body a server function answers with, its
/// status, and `Retry-After` when there is a wait.
#[cfg(feature = "axum")]
impl axum_core::response::IntoResponse for AppError {
    fn into_response(self) -> axum_core::response::Response {
        use http::{header, HeaderValue, StatusCode};
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(&self).unwrap_or_default();
        let mut res = (status, body).into_response();
        let headers = res.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(secs) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_issues_travel_with_the_error() {
        let e = AppError::invalid("email", "Enter an email address like name@example.com.");
        assert_eq!(e.status, 422);
        assert_eq!(e.issue("email"), Some(e.message.as_str()));
        assert_eq!(e.issue("name"), None);
        let json = serde_json::to_string(&e).unwrap_or_default();
        let back: AppError = serde_json::from_str(&json).unwrap_or_else(|_| AppError::internal());
        assert_eq!(back, e);
        let plain = serde_json::to_string(&AppError::internal()).unwrap_or_default();
        assert!(
            !plain.contains("issues") && !plain.contains("retry_after"),
            "{plain}"
        );
    }
}
