//! Reading what the shop sent: `.eml` files from the file transport or a
//! Maildir written by the test SMTP server.
#![allow(dead_code)]

use std::path::Path;
use std::time::Duration;

pub struct Mail {
    pub from: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub message_id: String,
}

pub fn parse(raw: &[u8]) -> Mail {
    let msg = mailparse::parse_mail(raw).expect("a MIME message");
    let header = |name: &str| {
        msg.headers
            .iter()
            .find(|h| h.get_key().eq_ignore_ascii_case(name))
            .map(|h| h.get_value())
            .unwrap_or_default()
    };
    let mut text = String::new();
    let mut html = String::new();
    for part in msg.parts() {
        match part.ctype.mimetype.as_str() {
            "text/plain" => text = part.get_body().expect("text body"),
            "text/html" => html = part.get_body().expect("html body"),
            _ => {}
        }
    }
    Mail {
        from: header("From"),
        to: header("To"),
        subject: header("Subject"),
        message_id: header("Message-ID"),
        text,
        html,
    }
}

/// Every message in `dir` (recursively: a Maildir has new/ and cur/).
pub fn read_all(dir: &Path) -> Vec<Mail> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(read_all(&path));
        } else if path.extension().is_some_and(|e| e == "eml")
            || dir.ends_with("new")
            || dir.ends_with("cur")
        {
            out.push(parse(&std::fs::read(&path).expect("read mail")));
        }
    }
    out
}

/// Waits (up to 20 s) for a message to `to` whose subject contains `subject`.
pub async fn wait_for(dir: &Path, to: &str, subject: &str) -> Mail {
    for _ in 0..200 {
        if let Some(mail) = read_all(dir)
            .into_iter()
            .find(|m| m.to.contains(to) && m.subject.contains(subject))
        {
            return mail;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no mail to {to} about {subject:?} in {}", dir.display());
}

/// The `token=` value of the first link in the mail's text.
pub fn token(mail: &Mail) -> String {
    let at = mail.text.find("token=").expect("a link with a token") + "token=".len();
    mail.text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}
