//! Branded HTML + plain-text templates (minijinja, compiled into the binary;
//! `.html` templates auto-escape what they print).
use minijinja::{context, Environment, Value};

use super::OutgoingMail;
use crate::{Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailKind {
    VerifyEmail,
    Welcome,
    AccountExists,
    PasswordReset,
    PasswordChanged,
    AccountDeleted,
}

impl MailKind {
    fn name(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::Welcome => "welcome",
            Self::AccountExists => "account_exists",
            Self::PasswordReset => "password_reset",
            Self::PasswordChanged => "password_changed",
            Self::AccountDeleted => "account_deleted",
        }
    }

    fn subject(self, shop: &str) -> String {
        match self {
            Self::VerifyEmail => format!("Confirm your email for {shop}"),
            Self::Welcome => format!("Welcome to {shop}"),
            Self::AccountExists => {
                format!("Someone tried to create a {shop} account with your email")
            }
            Self::PasswordReset => format!("Reset your {shop} password"),
            Self::PasswordChanged => format!("Your {shop} password was changed"),
            Self::AccountDeleted => format!("Your {shop} account has been deleted"),
        }
    }
}

macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(
            (concat!($name, ".html"), include_str!(concat!("templates/", $name, ".html"))),
            (concat!($name, ".txt"), include_str!(concat!("templates/", $name, ".txt"))),
        )*]
    };
}

const SOURCES: &[(&str, &str)] = templates!(
    "verify_email",
    "welcome",
    "account_exists",
    "password_reset",
    "password_changed",
    "account_deleted",
);

pub struct Templates {
    env: Environment<'static>,
    shop_name: String,
    public_url: String,
}

impl Templates {
    pub fn new(shop_name: &str, public_url: &str) -> Result<Self> {
        let mut env = Environment::new();
        env.add_template("layout.html", include_str!("templates/layout.html"))
            .map_err(Error::internal)?;
        env.add_template("layout.txt", include_str!("templates/layout.txt"))
            .map_err(Error::internal)?;
        for (name, source) in SOURCES {
            env.add_template(name, source).map_err(Error::internal)?;
        }
        Ok(Self {
            env,
            shop_name: shop_name.to_owned(),
            public_url: public_url.trim_end_matches('/').to_owned(),
        })
    }

    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    /// Renders `kind` for `to`; `vars` fill the template (links, names).
    pub fn render(&self, kind: MailKind, to: &str, vars: Value) -> Result<OutgoingMail> {
        let ctx = context! {
            shop_name => &self.shop_name,
            shop_url => &self.public_url,
            subject => kind.subject(&self.shop_name),
            ..vars
        };
        let render = |ext: &str| {
            self.env
                .get_template(&format!("{}.{ext}", kind.name()))
                .and_then(|t| t.render(&ctx))
                .map_err(Error::internal)
        };
        Ok(OutgoingMail {
            to: to.to_owned(),
            subject: kind.subject(&self.shop_name),
            text: render("txt")?,
            html: render("html")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_renders_branded_and_escaped() {
        let t = Templates::new("Ann's <Shop>", "http://shop.test/").unwrap();
        for kind in [
            MailKind::VerifyEmail,
            MailKind::Welcome,
            MailKind::AccountExists,
            MailKind::PasswordReset,
            MailKind::PasswordChanged,
            MailKind::AccountDeleted,
        ] {
            let mail = t
                .render(
                    kind,
                    "ann@example.com",
                    context! { name => "<b>Ann</b>", link => "http://shop.test/x?token=abc" },
                )
                .unwrap();
            assert!(mail.subject.contains("Ann's <Shop>"), "{kind:?}");
            assert!(mail.text.contains("Ann's <Shop>"), "{kind:?} text");
            assert!(
                mail.html.contains("Ann&#x27;s &lt;Shop&gt;"),
                "{kind:?} html"
            );
            assert!(!mail.html.contains("<b>Ann</b>"), "{kind:?} escapes");
        }
        let reset = t
            .render(
                MailKind::PasswordReset,
                "a@b.co",
                context! { link => "http://shop.test/r?token=abc" },
            )
            .unwrap();
        assert!(reset.text.contains("http://shop.test/r?token=abc"));
        assert!(reset.html.contains("token=abc"));
    }
}
