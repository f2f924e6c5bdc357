//! Branded HTML + plain-text templates (minijinja, compiled into the binary;
//! `.html` templates auto-escape what they print).
use minijinja::value::Kwargs;
use minijinja::{context, AutoEscape, Environment, State, Value};

use super::OutgoingMail;
use crate::{Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailKind {
    VerifyEmail,
    Welcome,
    AccountExists,
    PasswordReset,
    PasswordChanged,
    TwoFactorChanged,
    SignInChanged,
    PrivacyRequest,
    AccountDeleted,
    OrderConfirmation,
    PaymentFailed,
    OrderShipped,
    OrderCancelled,
    OrderRefunded,
    StaffInvite,
    ReviewRequest,
    WishlistBackInStock,
    WishlistPriceDrop,
    WebhookDisabled,
    LowStock,
    CartReminder,
    ReturnApproved,
    ReturnRejected,
    GiftCard,
}

impl MailKind {
    #[cfg(test)]
    const ALL: [MailKind; 24] = [
        Self::VerifyEmail,
        Self::Welcome,
        Self::AccountExists,
        Self::PasswordReset,
        Self::PasswordChanged,
        Self::TwoFactorChanged,
        Self::SignInChanged,
        Self::PrivacyRequest,
        Self::AccountDeleted,
        Self::OrderConfirmation,
        Self::PaymentFailed,
        Self::OrderShipped,
        Self::OrderCancelled,
        Self::OrderRefunded,
        Self::StaffInvite,
        Self::ReviewRequest,
        Self::WishlistBackInStock,
        Self::WishlistPriceDrop,
        Self::WebhookDisabled,
        Self::LowStock,
        Self::CartReminder,
        Self::ReturnApproved,
        Self::ReturnRejected,
        Self::GiftCard,
    ];

    fn name(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::Welcome => "welcome",
            Self::AccountExists => "account_exists",
            Self::PasswordReset => "password_reset",
            Self::PasswordChanged => "password_changed",
            Self::TwoFactorChanged => "two_factor_changed",
            Self::SignInChanged => "sign_in_changed",
            Self::PrivacyRequest => "privacy_request",
            Self::AccountDeleted => "account_deleted",
            Self::OrderConfirmation => "order_confirmation",
            Self::PaymentFailed => "payment_failed",
            Self::OrderShipped => "order_shipped",
            Self::OrderCancelled => "order_cancelled",
            Self::OrderRefunded => "order_refunded",
            Self::StaffInvite => "staff_invite",
            Self::ReviewRequest => "review_request",
            Self::WishlistBackInStock => "wishlist_back_in_stock",
            Self::WishlistPriceDrop => "wishlist_price_drop",
            Self::WebhookDisabled => "webhook_disabled",
            Self::LowStock => "low_stock",
            Self::CartReminder => "cart_reminder",
            Self::ReturnApproved => "return_approved",
            Self::ReturnRejected => "return_rejected",
            Self::GiftCard => "gift_card",
        }
    }

    /// A template, so order mails can name the order; its words come from
    /// the catalog (`mail-subject-*`) in the mail's locale.
    fn subject(self) -> String {
        match self {
            Self::OrderConfirmation => {
                r#"{{ t("mail-subject-order-confirmation", shop=shop_name, number=order.number) }}"#
                    .into()
            }
            Self::PaymentFailed => {
                r#"{{ t("mail-subject-payment-failed", shop=shop_name, number=order.number) }}"#
                    .into()
            }
            Self::OrderShipped => {
                r#"{{ t("mail-subject-order-shipped", shop=shop_name, number=order.number) }}"#
                    .into()
            }
            Self::OrderCancelled => {
                r#"{{ t("mail-subject-order-cancelled", shop=shop_name, number=order.number) }}"#
                    .into()
            }
            Self::OrderRefunded => {
                r#"{{ t("mail-subject-order-refunded", shop=shop_name, number=order.number) }}"#
                    .into()
            }
            Self::VerifyEmail => r#"{{ t("mail-subject-verify-email", shop=shop_name) }}"#.into(),
            Self::Welcome => r#"{{ t("mail-subject-welcome", shop=shop_name) }}"#.into(),
            Self::AccountExists => {
                r#"{{ t("mail-subject-account-exists", shop=shop_name) }}"#.into()
            }
            Self::PasswordReset => {
                r#"{{ t("mail-subject-password-reset", shop=shop_name) }}"#.into()
            }
            Self::PasswordChanged => {
                r#"{{ t("mail-subject-password-changed", shop=shop_name) }}"#.into()
            }
            Self::TwoFactorChanged => {
                r#"{{ t("mail-subject-two-factor-changed", shop=shop_name) }}"#.into()
            }
            Self::SignInChanged => {
                r#"{{ t("mail-subject-sign-in-changed", shop=shop_name) }}"#.into()
            }
            Self::PrivacyRequest => {
                r#"{{ t("mail-subject-privacy-request", shop=shop_name) }}"#.into()
            }
            Self::AccountDeleted => {
                r#"{{ t("mail-subject-account-deleted", shop=shop_name) }}"#.into()
            }
            Self::StaffInvite => r#"{{ t("mail-subject-staff-invite", shop=shop_name) }}"#.into(),
            Self::ReviewRequest => {
                r#"{{ t("mail-subject-review-request", shop=shop_name, number=order.number) }}"#
                    .into()
            }
            Self::WishlistBackInStock => {
                r#"{{ t("mail-subject-wishlist-back-in-stock", title=item.title, shop=shop_name) }}"#
                    .into()
            }
            Self::WishlistPriceDrop => {
                r#"{{ t("mail-subject-wishlist-price-drop", title=item.title, price=(item.price | money), shop=shop_name) }}"#
                    .into()
            }
            Self::WebhookDisabled => {
                r#"{{ t("mail-subject-webhook-disabled", shop=shop_name) }}"#.into()
            }
            Self::LowStock => {
                r#"{{ t("mail-subject-low-stock", sku=stock.sku, available=stock.available, warehouse=stock.warehouse) }}"#
                    .into()
            }
            Self::CartReminder => {
                r#"{{ t("mail-subject-cart-reminder", shop=shop_name) }}"#.into()
            }
            Self::ReturnApproved => {
                r#"{{ t("mail-subject-return-approved", shop=shop_name, number=ret.number) }}"#
                    .into()
            }
            Self::ReturnRejected => {
                r#"{{ t("mail-subject-return-rejected", shop=shop_name, number=ret.number) }}"#
                    .into()
            }
            Self::GiftCard => concat!(
                r#"{% if gift.sender_name %}"#,
                r#"{{ t("mail-subject-gift-card-from", sender=gift.sender_name, shop=shop_name) }}"#,
                r#"{% else %}{{ t("mail-subject-gift-card", shop=shop_name) }}{% endif %}"#,
            )
            .into(),
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
    "two_factor_changed",
    "sign_in_changed",
    "privacy_request",
    "account_deleted",
    "order_confirmation",
    "payment_failed",
    "order_shipped",
    "order_cancelled",
    "order_refunded",
    "staff_invite",
    "review_request",
    "wishlist_back_in_stock",
    "wishlist_price_drop",
    "webhook_disabled",
    "low_stock",
    "cart_reminder",
    "return_approved",
    "return_rejected",
    "gift_card",
);

pub struct Templates {
    env: Environment<'static>,
    /// Read at render time, so a renamed store or new sender applies to the
    /// next mail.
    store: crate::store::Current,
    public_url: String,
}

impl Templates {
    pub fn new(store: crate::store::Current, public_url: &str) -> Result<Self> {
        let mut env = Environment::new();
        env.add_template("layout.html", include_str!("templates/layout.html"))
            .map_err(Error::internal)?;
        env.add_template("layout.txt", include_str!("templates/layout.txt"))
            .map_err(Error::internal)?;
        env.add_template(
            "order_lines.html",
            include_str!("templates/order_lines.html"),
        )
        .map_err(Error::internal)?;
        env.add_template("order_lines.txt", include_str!("templates/order_lines.txt"))
            .map_err(Error::internal)?;
        env.add_filter("money", money_filter);
        env.add_filter("strong", strong_filter);
        // Variant titles are stored as the English values the shopper
        // picked; the mail reads them in its own language, as the pages do.
        let glossary = store.clone();
        env.add_filter("variant", move |state: &State, title: String| {
            glossary.words().variant_title(locale(state), &title)
        });
        env.add_function("t", translate);
        for (name, source) in SOURCES {
            env.add_template(name, source).map_err(Error::internal)?;
        }
        Ok(Self {
            env,
            store,
            public_url: public_url.trim_end_matches('/').to_owned(),
        })
    }

    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    /// An absolute link into the shop, for mail.
    pub fn link(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.public_url)
    }

    /// [`Self::link`] to the page in `locale`'s language (`/de/…`); English
    /// links keep the unprefixed address they always had.
    pub fn link_in(&self, locale: &str, path_and_query: &str) -> String {
        let prefix = i18n::Locale::from_tag(locale).map_or("", i18n::Locale::link_prefix);
        format!("{}{prefix}{path_and_query}", self.public_url)
    }

    /// Renders `kind` and writes it to the outbox on `conn` (the caller's
    /// transaction), so the mail exists exactly when the change does.
    pub async fn enqueue<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        kind: MailKind,
        to: &str,
        vars: Value,
    ) -> Result<()> {
        self.enqueue_id(conn, kind, to, vars).await.map(|_| ())
    }

    /// [`Self::enqueue`], returning the outbox row's id.
    pub async fn enqueue_id<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        kind: MailKind,
        to: &str,
        vars: Value,
    ) -> Result<i64> {
        let mail = self.render(kind, to, vars)?;
        crate::outbox::enqueue(conn, crate::outbox::KIND_MAIL, &mail).await
    }

    /// [`Self::enqueue`], delivered no sooner than `at`.
    pub async fn enqueue_at<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        kind: MailKind,
        to: &str,
        vars: Value,
        at: time::OffsetDateTime,
    ) -> Result<()> {
        let mail = self.render(kind, to, vars)?;
        crate::outbox::enqueue_at(conn, crate::outbox::KIND_MAIL, &mail, at).await?;
        Ok(())
    }

    /// Renders `kind` for `to`; `vars` fill the template (links, names).
    pub fn render(&self, kind: MailKind, to: &str, vars: Value) -> Result<OutgoingMail> {
        let profile = self.store.get();
        let locale = vars
            .get_attr("locale")
            .ok()
            .and_then(|v| v.as_str().and_then(i18n::Locale::from_tag))
            .unwrap_or_default();
        let base = context! {
            locale => locale.code(),
            shop_name => &profile.name,
            shop_url => &self.public_url,
            ..vars.clone()
        };
        let subject = self
            .env
            .render_str(&kind.subject(), &base)
            .map_err(Error::internal)?;
        let ctx = context! { subject => &subject, ..base };
        let render = |ext: &str| {
            self.env
                .get_template(&format!("{}.{ext}", kind.name()))
                .and_then(|t| t.render(&ctx))
                .map_err(Error::internal)
        };
        Ok(OutgoingMail {
            to: to.to_owned(),
            from: Some(profile.sender()),
            subject,
            text: render("txt")?,
            html: render("html")?,
        })
    }
}

/// The mail's language: the `locale` its variables carry (the order's or
/// the account's), English without one.
fn locale(state: &State) -> i18n::Locale {
    state
        .lookup("locale")
        .and_then(|v| v.as_str().and_then(i18n::Locale::from_tag))
        .unwrap_or_default()
}

/// `{{ total | money }}` for a serialised `Money` ({minor, currency}), as
/// the mail's locale writes it.
fn money_filter(state: &State, v: Value) -> Result<String, minijinja::Error> {
    let minor = v.get_attr("minor")?.as_i64().unwrap_or(0);
    let currency = v
        .get_attr("currency")?
        .as_str()
        .and_then(|c| c.parse().ok())
        .unwrap_or(crate::Currency::Usd);
    Ok(i18n::money(
        locale(state),
        &crate::Money::new(minor, currency),
    ))
}

/// `{{ order.number | strong }}` in HTML mail: the value in bold, for a
/// sentence that `t` builds around it.
fn strong_filter(v: Value) -> Value {
    Value::from_safe_string(format!("<strong>{}</strong>", escape(&v.to_string())))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            // As minijinja's own escaping does.
            '/' => out.push_str("&#x2f;"),
            c => out.push(c),
        }
    }
    out
}

/// `t` in a template (a catalog key, then named values): the catalog's
/// text in the mail's locale. In HTML the values are escaped (unless already safe, like
/// `value | strong`) and the catalog's own text is trusted.
fn translate(state: &State, key: &Value, kwargs: Kwargs) -> Result<Value, minijinja::Error> {
    // An undefined key (a variable the caller did not pass) reads as
    // nothing, as an undefined value does anywhere else in a template.
    let key = key.as_str().unwrap_or_default();
    let html = !matches!(state.auto_escape(), AutoEscape::None);
    let mut texts: Vec<(String, Result<i64, String>)> = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let arg = match value.as_i64() {
            Some(n) if value.kind() == minijinja::value::ValueKind::Number => Ok(n),
            _ if html && !value.is_safe() => Err(escape(&value.to_string())),
            _ => Err(value.to_string()),
        };
        texts.push((name.to_owned(), arg));
    }
    kwargs.assert_all_used()?;
    let args: Vec<(&str, i18n::Arg<'_>)> = texts
        .iter()
        .map(|(name, arg)| {
            let arg = match arg {
                Ok(n) => i18n::Arg::Number(*n),
                Err(text) => i18n::Arg::Text(text),
            };
            (name.as_str(), arg)
        })
        .collect();
    let text = i18n::format(locale(state), key, &args);
    Ok(if html {
        Value::from_safe_string(text)
    } else {
        Value::from(text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(name: &str) -> crate::store::Current {
        crate::store::Current::new(crate::store::Profile {
            name: name.into(),
            currency: crate::Currency::Usd,
            mail_from_name: "Orders".into(),
            mail_from_address: "orders@shop.test".into(),
            order_prefix: "MC".into(),
            reviews_require_purchase: true,
            reviews_auto_publish: false,
            cart_reminder_hours: 4,
            return_window_days: 30,
        })
    }

    /// Every mail as a customer gets it, subject, text and HTML, in a
    /// snapshot (`src/mail/snapshots/`): a template change shows up in
    /// review as the mail it makes.
    #[test]
    fn every_mail_matches_its_snapshot() {
        let t = Templates::new(store("Mercato Demo Shop"), "http://shop.test").unwrap();
        let money = |minor: i64| context! { minor => minor, currency => "USD" };
        let order = context! {
            number => "MC-ABC234",
            lines => vec![
                context! {
                    title => "Rowan Merino T-Shirt", variant_title => "M / Navy", sku => "ROWAN-M-NAVY",
                    quantity => 2, unit_price => money(2_500), line_total => money(5_000),
                },
                context! {
                    title => "Trail Socks", variant_title => "One size", sku => "SOCK-1",
                    quantity => 1, unit_price => money(1_200), line_total => money(1_200),
                },
            ],
            subtotal => money(6_200), discount => money(620), promotion_code => "WELCOME10",
            shipping => money(495), shipping_method => "Standard", tax => money(406),
            prices_include_tax => false, total => money(6_481), status => "paid",
        };
        for kind in MailKind::ALL {
            let mail = t
                .render(
                    kind,
                    "ann@example.com",
                    context! {
                        name => "Ann", link => "http://shop.test/x?token=abc",
                        admin_link => "http://shop.test/admin", what => "a copy of your data",
                        order => order.clone(), amount => money(1_500), complete => true, first => true,
                        shipment => context! {
                            carrier => "UPS", tracking_number => "1Z999AA10123456784",
                            tracking_url => "https://www.ups.com/track?tracknum=1Z999AA10123456784",
                            lines => vec![context! { sku => "SOCK-1", title => "Trail Socks (One size)", quantity => 1 }],
                        },
                        products => vec![context! {
                            title => "Rowan Merino T-Shirt",
                            url => "http://shop.test/product/rowan-merino-t-shirt#reviews",
                        }],
                        preferences_url => "http://shop.test/account/profile",
                        item => context! {
                            title => "Rowan Merino T-Shirt", variant_title => "M / Navy",
                            url => "http://shop.test/product/rowan-merino-t-shirt",
                            price => money(1_900), was => money(2_500),
                        },
                        wishlist_url => "http://shop.test/wishlist",
                        alerts_off_url => "http://shop.test/wishlist/alerts-off?token=abc",
                        endpoint => context! {
                            url => "https://erp.example.com/hooks/mercato",
                            failures => 10, since => "2026-12-01 09:30 UTC",
                        },
                        stock => context! {
                            title => "Rowan Merino T-Shirt", variant_title => "M / Navy",
                            sku => "ROW-M-NAVY", warehouse => "Main warehouse",
                            available => 3, threshold => 5,
                            url => "http://shop.test/admin/products/rowan-merino-t-shirt",
                        },
                        cart => context! {
                            lines => vec![context! {
                                title => "Rowan Merino T-Shirt", variant_title => "M / Navy",
                                url => "http://shop.test/product/rowan-merino-t-shirt",
                                quantity => 2, unit_price => money(2_500), line_total => money(5_000),
                            }],
                            subtotal => money(5_000),
                        },
                        ret => context! {
                            number => "MC-ABC234-R1",
                            lines => vec![context! {
                                title => "Rowan Merino T-Shirt", variant_title => "M / Navy", quantity => 1,
                            }],
                            staff_note => "Use the prepaid label in the box.",
                        },
                        gift => context! {
                            amount => money(5_000), code => "7KQ2-ABCD-EFGH-JKLM",
                            sender_name => "Bo", recipient_name => "Ann",
                            message => "Happy birthday <3",
                        },
                        restore_url => "http://shop.test/cart/restore?token=abc",
                        stop_url => "http://shop.test/cart/reminders-off?token=abc",
                    },
                )
                .unwrap();
            insta::assert_snapshot!(
                kind.name(),
                format!(
                    "Subject: {}\n\n{}\n---- html ----\n{}",
                    mail.subject, mail.text, mail.html
                )
            );
        }
    }

    #[test]
    fn every_kind_renders_branded_and_escaped() {
        let t = Templates::new(store("Ann's <Shop>"), "http://shop.test/").unwrap();
        for kind in [
            MailKind::VerifyEmail,
            MailKind::Welcome,
            MailKind::AccountExists,
            MailKind::PasswordReset,
            MailKind::PasswordChanged,
            MailKind::TwoFactorChanged,
            MailKind::SignInChanged,
            MailKind::PrivacyRequest,
            MailKind::AccountDeleted,
            MailKind::StaffInvite,
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

    #[test]
    fn a_mail_speaks_the_locale_it_carries() {
        let shop = store("Laden");
        let mut words = crate::store::Glossary::default();
        words.insert(i18n::Locale::De, "Navy".into(), "Marineblau".into());
        shop.set_words(words);
        let t = Templates::new(shop, "http://shop.test").unwrap();
        let eur = |minor: i64| context! { minor => minor, currency => "EUR" };
        let order = context! {
            number => "MC-DE1234",
            lines => vec![context! {
                title => "Pulli", variant_title => "M / Navy", sku => "P-M", quantity => 1,
                unit_price => eur(123_456), line_total => eur(123_456),
            }],
            subtotal => eur(123_456), discount => eur(0), promotion_code => None::<String>,
            shipping => eur(0), shipping_method => "Standard", tax => eur(0),
            prices_include_tax => true, total => eur(123_456), status => "paid",
        };
        let vars = |locale: &str| context! { order => order.clone(), link => "http://shop.test/de/o", locale => locale };
        let de = t
            .render(MailKind::OrderConfirmation, "a@b.co", vars("de"))
            .unwrap();
        assert_eq!(
            de.subject,
            "Ihre Bestellung MC-DE1234 bei Laden ist bestätigt"
        );
        assert!(
            de.text
                .contains("Vielen Dank für Ihre Bestellung MC-DE1234."),
            "{}",
            de.text
        );
        assert!(de.text.contains("1.234,56\u{a0}€"), "{}", de.text);
        // The variant's values in the glossary's German, in both parts.
        assert!(de.text.contains("Pulli (M / Marineblau, "), "{}", de.text);
        assert!(de.html.contains("M &#x2f; Marineblau · "), "{}", de.html);
        assert!(de.html.contains(r#"<html lang="de">"#));
        assert!(
            de.html.contains("<strong>MC-DE1234</strong>"),
            "{}",
            de.html
        );
        let fr = t
            .render(MailKind::OrderConfirmation, "a@b.co", vars("fr"))
            .unwrap();
        assert!(fr.text.contains("1\u{202f}234,56\u{a0}€"), "{}", fr.text);
        assert!(fr.text.contains("Merci pour votre commande"), "{}", fr.text);
        // No French word for it: the English value.
        assert!(fr.text.contains("Pulli (M / Navy, "), "{}", fr.text);
        // A language we don't speak reads as English.
        let other = t
            .render(MailKind::OrderConfirmation, "a@b.co", vars("xx"))
            .unwrap();
        assert!(other.text.contains("€1,234.56"), "{}", other.text);
        assert!(other.html.contains(r#"<html lang="en">"#));
    }

    #[test]
    fn order_mails_list_lines_and_totals() {
        let t = Templates::new(store("Shop"), "http://shop.test").unwrap();
        let money = |minor: i64| context! { minor => minor, currency => "USD" };
        let order = context! {
            number => "MC-ABC234",
            lines => vec![context! {
                title => "Red Tee", variant_title => "M", sku => "TEE-M", quantity => 2,
                unit_price => money(2500), line_total => money(5000),
            }],
            subtotal => money(5000), discount => money(500), promotion_code => "WELCOME10",
            shipping => money(0), shipping_method => "Standard", tax => money(0),
            prices_include_tax => false, total => money(4500), status => "paid",
        };
        let m = t
            .render(
                MailKind::OrderConfirmation,
                "a@b.co",
                context! { order => order.clone(), link => "http://shop.test/o" },
            )
            .unwrap();
        assert_eq!(m.subject, "Your Shop order MC-ABC234 is confirmed");
        assert!(
            m.text.contains("2 × Red Tee (M, SKU TEE-M): $50.00"),
            "{}",
            m.text
        );
        assert!(
            m.text.contains("Discount (WELCOME10): -$5.00"),
            "{}",
            m.text
        );
        assert!(m.text.contains("Total: $45.00"), "{}", m.text);
        assert!(m.html.contains("$45.00"));
        let shipped = t
            .render(
                MailKind::OrderShipped,
                "a@b.co",
                context! {
                    order => order, complete => false,
                    shipment => context! {
                        carrier => "Other carrier", tracking_number => "1Z999", tracking_url => None::<String>,
                        lines => vec![context! { sku => "TEE-M", title => "Red Tee (M)", quantity => 1 }],
                    },
                },
            )
            .unwrap();
        assert!(
            shipped.text.contains("Tracking number: 1Z999"),
            "{}",
            shipped.text
        );
        assert!(
            shipped.text.contains("part of order MC-ABC234"),
            "{}",
            shipped.text
        );
        assert!(
            shipped.text.contains("- 1 × Red Tee (M) (SKU TEE-M)"),
            "{}",
            shipped.text
        );
        assert!(!shipped.text.contains("Track it"), "{}", shipped.text);
    }
}
