//! SMTP through lettre's pooled async transport (`MERCATO_SMTP_URL`, e.g.
//! `smtp://user:pass@mail.example.com:587?tls=required`).
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::{message, MailError, Mailer, OutgoingMail};

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    pub fn new(url: &str, from: &str) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Build(format!("SMTP URL: {e}")))?
            .timeout(Some(Duration::from_secs(15)))
            .build();
        Ok(Self {
            transport,
            from: message::parse_from(from)?,
        })
    }
}

#[async_trait::async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, mail: &OutgoingMail, message_id: &str) -> Result<(), MailError> {
        let msg = message::build(&self.from, mail, message_id)?;
        self.transport
            .send(msg)
            .await
            .map(|_| ())
            .map_err(|e| MailError::Transport(e.to_string()))
    }

    fn kind(&self) -> &'static str {
        "smtp"
    }
}
