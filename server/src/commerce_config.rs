//! Settings for selling: currency, tax display, stock holds and the payment
//! provider (`MERCATO_*`; same rules as [`crate::config`]).
use std::time::Duration;

use domain::Currency;

use crate::config::{ConfigError, Variable};

pub const VARIABLES: &[Variable] = &[
    Variable {
        name: "MERCATO_CURRENCY",
        default: "USD",
        secret: false,
        help: "Currency of a new database (USD, EUR, GBP, JPY); then /admin/settings",
    },
    Variable {
        name: "MERCATO_PRICES_INCLUDE_TAX",
        default: "false",
        secret: false,
        help: "true: catalog prices include tax (VAT style); false: tax is added at checkout",
    },
    Variable {
        name: "MERCATO_RESERVATION_MINUTES",
        default: "30",
        secret: false,
        help: "How long stock is held for an unpaid checkout (Stripe sessions need ≥ 30)",
    },
    Variable {
        name: "MERCATO_PAYMENTS",
        default: "stripe with a Stripe key, else offline",
        secret: false,
        help: "offline (a test page where shoppers approve their own payments) or stripe",
    },
    Variable {
        name: "MERCATO_ALLOW_OFFLINE_PAYMENTS",
        default: "false",
        secret: false,
        help: "true lets a shop on a public address run the offline test gateway (a demo); every page then says payments are simulated",
    },
    Variable {
        name: "MERCATO_STRIPE_SECRET_KEY",
        default: "(unset: the offline test gateway)",
        secret: true,
        help: "sk_live_… or sk_test_…: take payments with Stripe Checkout",
    },
    Variable {
        name: "MERCATO_STRIPE_WEBHOOK_SECRET",
        default: "(required with a Stripe key)",
        secret: true,
        help: "whsec_…: verifies /webhooks/stripe",
    },
    Variable {
        name: "MERCATO_STRIPE_API_URL",
        default: "https://api.stripe.com/",
        secret: false,
        help: "Stripe's API base (tests point it at a local stand-in)",
    },
];

#[derive(Clone, Debug)]
pub struct Stripe {
    pub secret_key: String,
    pub webhook_secret: String,
    pub api_url: Option<String>,
}

#[derive(Clone, Debug)]
pub struct CommerceConfig {
    pub currency: Currency,
    pub prices_include_tax: bool,
    pub reservation: Duration,
    /// Set exactly when payments go to Stripe; `None` is the offline
    /// test gateway.
    pub stripe: Option<Stripe>,
    /// `MERCATO_ALLOW_OFFLINE_PAYMENTS`: the offline gateway on a public address.
    pub allow_offline_payments: bool,
}

impl CommerceConfig {
    pub fn from_lookup(env: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let currency = match env("MERCATO_CURRENCY") {
            None => Currency::Usd,
            Some(v) => v
                .trim()
                .to_uppercase()
                .parse()
                .map_err(|_| ConfigError::Invalid {
                    name: "MERCATO_CURRENCY",
                    expected: "USD, EUR, GBP or JPY",
                    value: v,
                })?,
        };
        let prices_include_tax = flag(env, "MERCATO_PRICES_INCLUDE_TAX")?;
        let minutes = match env("MERCATO_RESERVATION_MINUTES") {
            None => 30,
            Some(v) => {
                v.trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|m| *m > 0)
                    .ok_or(ConfigError::Invalid {
                        name: "MERCATO_RESERVATION_MINUTES",
                        expected: "a positive number of minutes",
                        value: v,
                    })?
            }
        };
        let keys = match (
            env("MERCATO_STRIPE_SECRET_KEY"),
            env("MERCATO_STRIPE_WEBHOOK_SECRET"),
        ) {
            (None, _) => None,
            (Some(_), None) => {
                return Err(ConfigError::Invalid {
                    name: "MERCATO_STRIPE_WEBHOOK_SECRET",
                    expected: "set whenever MERCATO_STRIPE_SECRET_KEY is",
                    value: String::new(),
                })
            }
            (Some(secret_key), Some(webhook_secret)) => Some(Stripe {
                secret_key,
                webhook_secret,
                api_url: env("MERCATO_STRIPE_API_URL"),
            }),
        };
        let stripe = match env("MERCATO_PAYMENTS").as_deref().map(str::trim) {
            None => keys,
            Some("offline") => None,
            Some("stripe") => Some(keys.ok_or(ConfigError::Invalid {
                name: "MERCATO_PAYMENTS",
                expected: "offline unless MERCATO_STRIPE_SECRET_KEY and MERCATO_STRIPE_WEBHOOK_SECRET are set",
                value: "stripe".into(),
            })?),
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "MERCATO_PAYMENTS",
                    expected: "offline or stripe",
                    value: other.into(),
                })
            }
        };
        let allow_offline_payments = flag(env, "MERCATO_ALLOW_OFFLINE_PAYMENTS")?;
        Ok(Self {
            currency,
            prices_include_tax,
            reservation: Duration::from_secs(60 * minutes),
            stripe,
            allow_offline_payments,
        })
    }

    /// Refuses the offline gateway — where shoppers approve their own
    /// payments — on an address strangers can reach, unless a demo says so.
    pub fn check_gateway(&self, public_url: &str) -> Result<(), ConfigError> {
        if self.stripe.is_none() && !self.allow_offline_payments && !is_loopback_url(public_url) {
            return Err(ConfigError::Invalid {
                name: "MERCATO_PAYMENTS",
                expected: "stripe (with MERCATO_STRIPE_SECRET_KEY and MERCATO_STRIPE_WEBHOOK_SECRET) on a public address: \
                           the offline gateway lets shoppers approve their own payments. \
                           For a public demo set MERCATO_ALLOW_OFFLINE_PAYMENTS=true",
                value: format!("offline at {public_url}"),
            });
        }
        Ok(())
    }

    pub fn describe(&self) -> Vec<(String, String)> {
        vec![
            ("MERCATO_CURRENCY".into(), self.currency.code().into()),
            (
                "MERCATO_PRICES_INCLUDE_TAX".into(),
                self.prices_include_tax.to_string(),
            ),
            (
                "MERCATO_RESERVATION_MINUTES".into(),
                (self.reservation.as_secs() / 60).to_string(),
            ),
            (
                "payments".into(),
                if self.stripe.is_some() {
                    "stripe (keys masked)"
                } else {
                    "offline test gateway"
                }
                .into(),
            ),
        ]
    }
}

fn flag(env: &impl Fn(&str) -> Option<String>, name: &'static str) -> Result<bool, ConfigError> {
    match env(name).as_deref().map(str::trim) {
        None | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(other) => Err(ConfigError::Invalid {
            name,
            expected: "true or false",
            value: other.into(),
        }),
    }
}

/// True when the URL's host is this machine (localhost, 127.0.0.0/8, ::1).
pub fn is_loopback_url(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    let host = host.to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(vars: &[(&str, &str)]) -> Result<CommerceConfig, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        CommerceConfig::from_lookup(&move |k: &str| map.get(k).cloned())
    }

    #[test]
    fn defaults_to_usd_offline() {
        let c = parse(&[]).unwrap();
        assert_eq!(c.currency, Currency::Usd);
        assert!(c.stripe.is_none());
        assert_eq!(c.reservation, Duration::from_secs(1800));
    }

    #[test]
    fn stripe_needs_both_secrets_and_masks_them() {
        assert!(parse(&[("MERCATO_STRIPE_SECRET_KEY", "sk_test_x")]).is_err());
        let c = parse(&[
            ("MERCATO_STRIPE_SECRET_KEY", "sk_test_x"),
            ("MERCATO_STRIPE_WEBHOOK_SECRET", "whsec_y"),
        ])
        .unwrap();
        assert!(c
            .describe()
            .iter()
            .all(|(_, v)| !v.contains("sk_test") && !v.contains("whsec")));
        assert!(parse(&[("MERCATO_CURRENCY", "XYZ")]).is_err());
    }

    #[test]
    fn the_gateway_is_chosen_explicitly() {
        let keys = [
            ("MERCATO_STRIPE_SECRET_KEY", "sk_test_x"),
            ("MERCATO_STRIPE_WEBHOOK_SECRET", "whsec_y"),
        ];
        assert!(parse(&keys).unwrap().stripe.is_some(), "keys alone: stripe");
        let mut offline = keys.to_vec();
        offline.push(("MERCATO_PAYMENTS", "offline"));
        assert!(parse(&offline).unwrap().stripe.is_none());
        assert!(
            parse(&[("MERCATO_PAYMENTS", "stripe")]).is_err(),
            "stripe needs keys"
        );
        assert!(parse(&[("MERCATO_PAYMENTS", "paypal")]).is_err());
    }

    #[test]
    fn the_offline_gateway_is_refused_on_a_public_address() {
        let offline = parse(&[]).unwrap();
        for local in [
            "http://127.0.0.1:3000",
            "http://localhost:3000/",
            "http://[::1]:8080",
            "http://shop.localhost",
        ] {
            assert!(offline.check_gateway(local).is_ok(), "{local}");
        }
        for public in [
            "https://shop.example",
            "http://0.0.0.0:3000",
            "http://192.168.1.5:3000",
            "http://127.0.0.1.evil.example",
            "http://localhost@evil.example",
        ] {
            let err = offline.check_gateway(public).expect_err(public).to_string();
            assert!(err.contains("MERCATO_ALLOW_OFFLINE_PAYMENTS"), "{err}");
        }
        let demo = parse(&[("MERCATO_ALLOW_OFFLINE_PAYMENTS", "true")]).unwrap();
        assert!(demo.check_gateway("https://shop.example").is_ok());
        let stripe = parse(&[
            ("MERCATO_STRIPE_SECRET_KEY", "sk_test_x"),
            ("MERCATO_STRIPE_WEBHOOK_SECRET", "whsec_y"),
        ])
        .unwrap();
        assert!(stripe.check_gateway("https://shop.example").is_ok());
    }
}
