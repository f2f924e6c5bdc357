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
    pub stripe: Option<Stripe>,
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
        let prices_include_tax = match env("MERCATO_PRICES_INCLUDE_TAX").as_deref().map(str::trim) {
            None | Some("false") | Some("0") => false,
            Some("true") | Some("1") => true,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "MERCATO_PRICES_INCLUDE_TAX",
                    expected: "true or false",
                    value: other.into(),
                })
            }
        };
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
        let stripe = match (
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
        Ok(Self {
            currency,
            prices_include_tax,
            reservation: Duration::from_secs(60 * minutes),
            stripe,
        })
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
}
