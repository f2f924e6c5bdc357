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
    },
    /// The request clashes with the current state (duplicate, already done). 409.
    #[error("{0}")]
    Conflict(String),
    /// The caller may not do this. 403.
    #[error("not allowed")]
    Forbidden,
    /// Storage failed; details are logged, never shown. 500.
    #[error("database error: {0}")]
    Database(#[from] sea_orm::DbErr),
    /// File system failed (uploads, generated images). 500.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn not_found(what: &'static str) -> Self {
        Self::NotFound { what }
    }

    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        Self::Validation {
            field,
            message: message.into(),
        }
    }

    /// True for errors caused by the system rather than the request.
    pub fn is_internal(&self) -> bool {
        matches!(self, Self::Database(_) | Self::Io(_))
    }

    /// What a shopper or API client may be shown.
    pub fn user_message(&self) -> String {
        match self {
            Self::NotFound { what } => format!("We couldn't find that {what}."),
            Self::Validation { message, .. } => message.clone(),
            Self::Conflict(message) => message.clone(),
            Self::Forbidden => "You don't have permission to do that.".to_owned(),
            Self::Database(_) | Self::Io(_) => {
                "Something went wrong on our side. Please try again in a moment.".to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
