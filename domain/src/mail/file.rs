//! The default: each message becomes an `.eml` file under `data/mail/`, so a
//! laptop install needs no mail server and a developer can open what was sent.
use std::path::PathBuf;

use lettre::message::Mailbox;
use lettre::{AsyncFileTransport, AsyncTransport, Tokio1Executor};

use super::{message, MailError, Mailer, OutgoingMail};

pub struct FileMailer {
    transport: AsyncFileTransport<Tokio1Executor>,
    from: Mailbox,
    dir: PathBuf,
}

impl FileMailer {
    pub fn new(dir: impl Into<PathBuf>, from: &str) -> Result<Self, MailError> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir)
            .map_err(|e| MailError::Build(format!("cannot create {}: {e}", dir.display())))?;
        Ok(Self {
            transport: AsyncFileTransport::new(&dir),
            from: message::parse_from(from)?,
            dir,
        })
    }

    pub fn dir(&self) -> &std::path::Path {
        &self.dir
    }
}

#[async_trait::async_trait]
impl Mailer for FileMailer {
    async fn send(&self, mail: &OutgoingMail, message_id: &str) -> Result<(), MailError> {
        let msg = message::build(&self.from, mail, message_id)?;
        self.transport
            .send(msg)
            .await
            .map(|_| ())
            .map_err(|e| MailError::Transport(e.to_string()))
    }

    fn kind(&self) -> &'static str {
        "file"
    }
}
