//! The domain's one error type. Each variant says what went wrong for the
//! caller; internal causes stay in the logs (see [`Error::user_message`]).

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The thing asked for does not exist (or is not visible to the caller). 404.
    #[error("{what} not found")]
    NotFound { what: &'static str },
    /// Input that breaks a rule; `message` is written for the person who typed it. 422.
    #[error("{field}: {message}")]
    Validation {
        field: &'static str,
        message: String,
        /// The message as a catalog entry ([`Error::rule`]).
        said: Option<model::Said>,
    },
    /// Several fields of one form are wrong at once (a product, an address);
    /// each issue names its field. 422.
    #[error("invalid: {issues:?}")]
    Invalid { issues: Vec<model::FieldIssue> },
    /// The request clashes with the current state (duplicate, already done). 409.
    #[error("{0}")]
    Conflict(String),
    /// A conflict whose message is a catalog entry. 409.
    #[error("{}", .0.key)]
    Clash(model::Said),
    /// Sign-in failed; deliberately vague about which part was wrong. 401.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// The caller must sign in first. 401.
    #[error("not signed in")]
    Unauthenticated,
    /// The caller may not do this. 403.
    #[error("not allowed")]
    Forbidden,
    /// Signed in, but staff tools need two-factor authentication first. 403.
    #[error("two-factor authentication required")]
    SecondFactorRequired,
    /// Too many attempts; try again after `retry_after_secs`. 429.
    #[error("too many attempts")]
    TooManyAttempts { retry_after_secs: u64 },
    /// Too much of this kind of work is running already; try again after
    /// `retry_after_secs` (see [`crate::blocking`]). 503.
    #[error("{what} busy")]
    Busy {
        what: &'static str,
        retry_after_secs: u64,
    },
    /// An outside service (e.g. Meilisearch) does not answer; the rest of
    /// the shop keeps working. The detail is for the logs.
    #[error("{service} unavailable: {detail}")]
    Unavailable {
        service: &'static str,
        detail: String,
    },
    /// Storage failed; details are logged, never shown. 500.
    #[error("database error: {0}")]
    Database(sea_orm::DbErr),
    /// File system failed (uploads, generated images). 500.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// Anything else that is our fault (a template, a hasher). 500.
    #[error("internal error: {0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Several field issues as one error.
    pub fn invalid(issues: impl IntoIterator<Item = (String, String)>) -> Self {
        Self::Invalid {
            issues: issues
                .into_iter()
                .map(|(field, message)| model::FieldIssue {
                    field,
                    message,
                    said: None,
                })
                .collect(),
        }
    }

    /// The stable code callers can branch on.
    pub fn code(&self) -> String {
        match self {
            Self::NotFound { what } => format!("not_found.{}", what.replace(' ', "_")),
            Self::Validation { .. } | Self::Invalid { .. } => "validation".into(),
            Self::Conflict(_) | Self::Clash(_) => "conflict".into(),
            Self::InvalidCredentials => "auth.invalid_credentials".into(),
            Self::Unauthenticated => "auth.required".into(),
            Self::Forbidden => "auth.forbidden".into(),
            Self::SecondFactorRequired => "auth.second_factor_required".into(),
            Self::TooManyAttempts { .. } => "rate_limited".into(),
            Self::Busy { .. } => "busy".into(),
            Self::Unavailable { service, .. } => format!("unavailable.{service}"),
            Self::Database(_) | Self::Io(_) | Self::Internal(_) => "internal".into(),
        }
    }

    /// Whose fault, as an HTTP status.
    pub fn status(&self) -> u16 {
        match self {
            Self::NotFound { .. } => 404,
            Self::Validation { .. } | Self::Invalid { .. } => 422,
            Self::Conflict(_) | Self::Clash(_) => 409,
            Self::Unauthenticated | Self::InvalidCredentials => 401,
            Self::Forbidden | Self::SecondFactorRequired => 403,
            Self::TooManyAttempts { .. } => 429,
            Self::Unavailable { .. } | Self::Busy { .. } => 503,
            Self::Database(_) | Self::Io(_) | Self::Internal(_) => 500,
        }
    }

    /// What the caller is told: nothing internal.
    pub fn to_app_error(&self) -> model::AppError {
        let issues = match self {
            Self::Validation {
                field,
                message,
                said,
            } => vec![model::FieldIssue {
                field: (*field).to_owned(),
                message: message.clone(),
                said: said.clone(),
            }],
            Self::Invalid { issues } => issues.clone(),
            _ => Vec::new(),
        };
        let retry_after = match self {
            Self::TooManyAttempts { retry_after_secs }
            | Self::Busy {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            _ => None,
        };
        model::AppError {
            code: self.code(),
            status: self.status(),
            message: self.user_message(),
            issues,
            retry_after,
            said: self.said().map(Box::new),
        }
    }
}

/// The issues of one form, gathered so a person sees every wrong field at
/// once rather than one per try.
#[derive(Debug, Default)]
pub struct Issues(Vec<model::FieldIssue>);

impl Issues {
    /// A checked value; when the check found an issue, notes it and goes on
    /// with `T::default()`. Errors that are not about the input pass through.
    pub fn take<T: Default>(&mut self, checked: Result<T, Error>) -> Result<T, Error> {
        match checked {
            Err(Error::Validation {
                field,
                message,
                said,
            }) => {
                self.0.push(model::FieldIssue {
                    field: field.to_owned(),
                    message,
                    said,
                });
                Ok(T::default())
            }
            Err(Error::Invalid { issues }) => {
                self.0.extend(issues);
                Ok(T::default())
            }
            other => other,
        }
    }

    /// Notes an issue found without a checking function.
    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(model::FieldIssue {
            field: field.to_owned(),
            message: message.into(),
            said: None,
        });
    }

    /// [`Self::push`] with a catalog message.
    pub fn push_said(&mut self, field: &str, said: model::Said) {
        self.0.push(model::FieldIssue {
            field: field.to_owned(),
            message: english(&said),
            said: Some(said),
        });
    }

    /// `Ok` when nothing was wrong.
    pub fn finish(self) -> Result<(), Error> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid { issues: self.0 })
        }
    }
}

impl From<sea_orm::DbErr> for Error {
    fn from(err: sea_orm::DbErr) -> Self {
        if unstorable_text(&err) {
            return Self::validation(
                "text",
                "That contains characters we can't store (a NUL byte). Please remove them.",
            );
        }
        Self::Database(err)
    }
}

/// PostgreSQL refuses text holding a NUL byte (SQLSTATE 22021) that SQLite
/// takes: whatever field it came in, it is the caller's input, not our fault.
fn unstorable_text(err: &sea_orm::DbErr) -> bool {
    use sea_orm::{DbErr, RuntimeErr};
    let (DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))) = err
    else {
        return false;
    };
    e.as_database_error()
        .and_then(|d| d.code())
        .is_some_and(|code| code == "22021")
}

impl Error {
    pub fn not_found(what: &'static str) -> Self {
        Self::NotFound { what }
    }

    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        Self::Validation {
            field,
            message: message.into(),
            said: None,
        }
    }

    /// A broken rule whose message is in the catalogs: English here and
    /// to API clients, the reader's language in the browser.
    pub fn rule(field: &'static str, said: model::Said) -> Self {
        Self::Validation {
            field,
            message: english(&said),
            said: Some(said),
        }
    }

    /// The message as a catalog entry, for every kind that has one.
    pub fn said(&self) -> Option<model::Said> {
        use model::Said;
        Some(match self {
            Self::NotFound { what } => Said::new("error-not-found").text("what", *what),
            Self::Validation { said, .. } => return said.clone(),
            Self::Invalid { issues } => match issues.as_slice() {
                [one] => return one.said.clone(),
                _ => Said::new("error-check-fields"),
            },
            Self::Conflict(_) => return None,
            Self::Clash(said) => said.clone(),
            Self::InvalidCredentials => Said::new("error-invalid-credentials"),
            Self::Unauthenticated => Said::new("error-sign-in-required"),
            Self::Forbidden => Said::new("error-forbidden"),
            Self::SecondFactorRequired => Said::new("error-second-factor-required"),
            Self::TooManyAttempts { retry_after_secs } => Said::new("error-too-many-attempts")
                .number(
                    "minutes",
                    i64::try_from(retry_after_secs.div_ceil(60).max(1)).unwrap_or(i64::MAX),
                ),
            Self::Busy { .. } => Said::new("error-busy"),
            Self::Unavailable {
                service: "search", ..
            } => Said::new("error-unavailable-search"),
            Self::Unavailable {
                service: "identity provider",
                ..
            } => Said::new("error-unavailable-identity"),
            Self::Unavailable { .. } => Said::new("error-unavailable"),
            Self::Database(_) | Self::Io(_) | Self::Internal(_) => Said::new("error-internal"),
        })
    }

    pub fn internal(detail: impl std::fmt::Display) -> Self {
        Self::Internal(detail.to_string())
    }

    /// True for errors caused by the system rather than the request.
    pub fn unavailable(service: &'static str, detail: impl std::fmt::Display) -> Self {
        Self::Unavailable {
            service,
            detail: detail.to_string(),
        }
    }

    pub fn is_internal(&self) -> bool {
        matches!(self, Self::Database(_) | Self::Io(_) | Self::Internal(_))
    }

    /// What a shopper or API client may be shown: the catalog's English
    /// where the message is an entry there.
    pub fn user_message(&self) -> String {
        match (self, self.said()) {
            (_, Some(said)) => english(&said),
            (Self::Validation { message, .. } | Self::Conflict(message), None) => message.clone(),
            (Self::Invalid { issues }, None) => issues
                .first()
                .map(|i| i.message.clone())
                .unwrap_or_default(),
            // Every other kind has its entry; never a cause in any case.
            (_, None) => english(&model::Said::new("error-internal")),
        }
    }
}

/// A catalog message in English.
pub fn english(said: &model::Said) -> String {
    i18n::said(model::Locale::En, said)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What each kind of refusal looks like to a caller (the JSON body of a
    /// server function or plain route), in one snapshot: codes and shapes
    /// are a contract with API clients.
    #[test]
    fn error_bodies_match_their_snapshot() {
        let mut issues = Issues::default();
        issues
            .take::<()>(Err(Error::validation(
                "postal_code",
                "Enter a valid postcode.",
            )))
            .unwrap();
        issues
            .take::<()>(Err(Error::validation("phone", "Enter a phone number.")))
            .unwrap();
        let cases = [
            Error::not_found("product"),
            Error::validation("email", "Enter an email address like ann@example.com."),
            issues.finish().unwrap_err(),
            Error::Conflict("That code is already in use.".into()),
            Error::InvalidCredentials,
            Error::Unauthenticated,
            Error::Forbidden,
            Error::SecondFactorRequired,
            Error::TooManyAttempts {
                retry_after_secs: 90,
            },
            Error::unavailable("search", "connection refused (10.0.0.7:7700)"),
            Error::internal("duplicate key value violates unique constraint \"users_email\""),
        ];
        let bodies: Vec<String> = cases
            .iter()
            .map(|e| serde_json::to_string(&e.to_app_error()).unwrap())
            .collect();
        insta::assert_snapshot!(bodies.join("\n"));
    }

    #[test]
    fn internal_errors_never_leak_details() {
        let err = Error::Database(sea_orm::DbErr::Custom("password=hunter2".into()));
        assert!(err.is_internal());
        assert!(!err.user_message().contains("hunter2"));
    }

    #[test]
    fn validation_message_is_shown_as_written() {
        let err = Error::validation("email", "Enter an email address like name@example.com.");
        assert!(!err.is_internal());
        assert_eq!(
            err.user_message(),
            "Enter an email address like name@example.com."
        );
    }

    #[test]
    fn a_catalog_message_is_english_here_and_the_readers_language_in_the_browser() {
        let err = Error::Clash(
            model::Said::new("error-checkout-total-changed")
                .money(
                    "before",
                    crate::money::Money::new(123_456, crate::money::Currency::Eur),
                )
                .money(
                    "after",
                    crate::money::Money::new(2_000, crate::money::Currency::Eur),
                ),
        );
        let body = err.to_app_error();
        assert_eq!(body.status, 409);
        assert_eq!(
            body.message,
            "Your order total changed from €1,234.56 to €20.00 because prices, stock or your basket changed. Please check the new total and place your order again."
        );
        let said = body.said.expect("sent as a catalog entry");
        let german = i18n::said(model::Locale::De, &said);
        assert!(
            german.starts_with("Ihre Gesamtsumme hat sich von 1.234,56\u{a0}€ auf 20,00\u{a0}€"),
            "{german}"
        );

        // A form issue carries its entry too, and the plural follows the number.
        let wait = Error::TooManyAttempts {
            retry_after_secs: 61,
        }
        .to_app_error();
        assert_eq!(
            wait.message,
            "Too many attempts. Please wait 2 minutes and try again."
        );
        let once = Error::TooManyAttempts {
            retry_after_secs: 5,
        }
        .to_app_error();
        assert!(once.message.contains("wait a minute"), "{}", once.message);
        let rule = Error::rule(
            "password",
            model::Said::new("error-password-short").number("min", 12),
        );
        let issue = &rule.to_app_error().issues[0];
        assert_eq!(issue.field, "password");
        assert!(issue.message.starts_with("Use at least 12 characters."));
        let french = i18n::said(model::Locale::Fr, issue.said.as_ref().expect("said"));
        assert!(
            french.starts_with("Utilisez au moins 12 caractères."),
            "{french}"
        );
        // Free text stays as it was, with no entry.
        let free = Error::validation("sku", "SKU-1 is taken.").to_app_error();
        assert_eq!(
            (free.message.as_str(), free.said),
            ("SKU-1 is taken.", None)
        );
    }
}
