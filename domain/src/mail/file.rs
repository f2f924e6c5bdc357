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

/// Deletes mail files older than `max_age`: they are the demo's delivered
/// mail, and their one-time links are not kept past the longest link's
/// life. Returns how many went.
pub fn sweep(dir: &std::path::Path, max_age: std::time::Duration) -> std::io::Result<usize> {
    let cutoff = std::time::SystemTime::now()
        .checked_sub(max_age)
        .unwrap_or(std::time::UNIX_EPOCH);
    let mut removed = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let old = entry.metadata()?.modified()? < cutoff;
        if old && entry.path().extension().is_some_and(|e| e == "eml") {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
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
