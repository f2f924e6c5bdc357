//! Outgoing mail: the [`Mailer`] port, its two lettre adapters (SMTP and
//! `.eml` files) and the branded templates. Services never send directly;
//! they put a rendered [`OutgoingMail`] in the outbox (see `crate::outbox`).
mod file;
mod message;
mod smtp;
mod templates;

use serde::{Deserialize, Serialize};

pub use file::{sweep as sweep_mail_files, FileMailer};
pub use smtp::SmtpMailer;
pub use templates::{MailKind, Templates};

/// A rendered message, as stored in the outbox until delivered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingMail {
    pub to: String,
    /// The store's sender when the mail was written; mail queued before
    /// senders were stored uses the mailer's configured one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The message could not be built (bad address); retrying will not help.
    #[error("cannot build message: {0}")]
    Build(String),
    /// The transport refused or was unreachable; worth retrying.
    #[error("transport failed: {0}")]
    Transport(String),
}

impl MailError {
    pub fn is_permanent(&self) -> bool {
        matches!(self, Self::Build(_))
    }
}

/// Where mail goes. `message_id` is stable per outbox row, so a message that
/// is ever retried after an unclear failure carries the same Message-ID.
#[async_trait::async_trait]
pub trait Mailer: Send + Sync {
    async fn send(&self, mail: &OutgoingMail, message_id: &str) -> Result<(), MailError>;
    /// For logs and `mercato config`: "smtp" or "file".
    fn kind(&self) -> &'static str;
}
