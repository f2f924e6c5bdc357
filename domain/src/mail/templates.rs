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

    /// A template, so order mails can name the order.
    fn subject(self) -> String {
        match self {
            Self::OrderConfirmation => {
                "Your {{ shop_name }} order {{ order.number }} is confirmed".into()
            }
            Self::PaymentFailed => {
                "Payment for your {{ shop_name }} order {{ order.number }} didn't go through".into()
            }
            Self::OrderShipped => {
                "Your {{ shop_name }} order {{ order.number }} is on its way".into()
            }
            Self::OrderCancelled => {
                "Your {{ shop_name }} order {{ order.number }} has been cancelled".into()
            }
            Self::OrderRefunded => {
                "A refund for your {{ shop_name }} order {{ order.number }}".into()
            }
            Self::VerifyEmail => "Confirm your email for {{ shop_name }}".into(),
            Self::Welcome => "Welcome to {{ shop_name }}".into(),
            Self::AccountExists => {
                "Someone tried to create a {{ shop_name }} account with your email".into()
            }
            Self::PasswordReset => "Reset your {{ shop_name }} password".into(),
            Self::PasswordChanged => "Your {{ shop_name }} password was changed".into(),
            Self::TwoFactorChanged => {
                "Two-factor authentication changed on your {{ shop_name }} account".into()
            }
            Self::SignInChanged => "How you sign in to {{ shop_name }} changed".into(),
            Self::PrivacyRequest => "Confirm your data request at {{ shop_name }}".into(),
            Self::AccountDeleted => "Your {{ shop_name }} account has been deleted".into(),
            Self::StaffInvite => "You're invited to help run {{ shop_name }}".into(),
            Self::ReviewRequest => "How is your {{ shop_name }} order {{ order.number }}?".into(),
            Self::WishlistBackInStock => {
                "{{ item.title }} is back in stock at {{ shop_name }}".into()
            }
            Self::WishlistPriceDrop => {
                "{{ item.title }} is now {{ item.price | money }} at {{ shop_name }}".into()
            }
            Self::WebhookDisabled => "A {{ shop_name }} webhook endpoint was turned off".into(),
            Self::LowStock => {
                "Low stock: {{ stock.sku }} has {{ stock.available }} left in {{ stock.warehouse }}"
                    .into()
            }
            Self::CartReminder => "Your {{ shop_name }} cart is waiting".into(),
            Self::ReturnApproved => {
                "Your {{ shop_name }} return {{ ret.number }} is approved: how to send it".into()
            }
            Self::ReturnRejected => "About your {{ shop_name }} return {{ ret.number }}".into(),
            Self::GiftCard => "{% if gift.sender_name %}{{ gift.sender_name }} sent you{% else %}Here is{% endif %} a {{ shop_name }} gift card".into(),
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
        let base = context! {
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

/// `{{ total | money }}` for a serialised `Money` ({minor, currency}).
fn money_filter(v: Value) -> Result<String, minijinja::Error> {
    let minor = v.get_attr("minor")?.as_i64().unwrap_or(0);
    let currency = v
        .get_attr("currency")?
        .as_str()
        .and_then(|c| c.parse().ok())
        .unwrap_or(crate::Currency::Usd);
    Ok(crate::Money::new(minor, currency).format())
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
