//! Settings for accounts, sessions, mail and abuse limits (`MERCATO_*`).
//! Kept apart from [`crate::config`]'s core settings; same rules: listed in
//! [`VARIABLES`], parsed strictly, secrets masked by `mercato config`.
use std::time::Duration;

use crate::config::{ConfigError, Variable};

pub const VARIABLES: &[Variable] = &[
    Variable {
        name: "MERCATO_SECRET_KEY",
        default: "(loopback shops: generated into <data dir>/secret.key)",
        secret: true,
        help: "32 random bytes, base64 (`mercato secret-key`): seals TOTP secrets; required on a public address",
    },
    Variable {
        name: "MERCATO_SMTP_URL",
        default: "(unset: mail is written to <data dir>/mail/*.eml)",
        secret: true,
        help: "smtp://user:pass@host:587?tls=required (or smtps://…)",
    },
    Variable {
        name: "MERCATO_MAIL_FROM",
        default: "<shop name> <no-reply@localhost>",
        secret: false,
        help: "Mail sender of a new database; then /admin/settings",
    },
    Variable {
        name: "MERCATO_REQUIRE_STAFF_2FA",
        default: "false",
        secret: false,
        help: "true: staff and admins must turn on 2FA before staff tools open",
    },
    Variable {
        name: "MERCATO_SESSION_IDLE_MINUTES",
        default: "10080",
        secret: false,
        help: "A session ends after this long without a request (7 days)",
    },
    Variable {
        name: "MERCATO_SESSION_MAX_HOURS",
        default: "720",
        secret: false,
        help: "A sign-in lasts at most this long, active or not (30 days)",
    },
    Variable {
        name: "MERCATO_AUTH_RATE_LIMIT",
        default: "10/60",
        secret: false,
        help: "Sign-in, sign-up, reset and 2FA requests per IP: N per S seconds",
    },
    Variable {
        name: "MERCATO_LOCKOUT_AFTER",
        default: "5",
        secret: false,
        help: "Failed sign-ins for one email before a temporary lockout",
    },
    Variable {
        name: "MERCATO_LOCKOUT_SECONDS",
        default: "900",
        secret: false,
        help: "How long that lockout lasts",
    },
    Variable {
        name: "MERCATO_HSTS_MAX_AGE",
        default: "63072000",
        secret: false,
        help: "Seconds browsers must keep to https (sent when MERCATO_PUBLIC_URL is https, also behind a TLS proxy); 0 sends none",
    },
    Variable {
        name: "MERCATO_CHECKOUT_RATE_LIMIT",
        default: "20/600",
        secret: false,
        help: "Orders placed per client IP: N per S seconds",
    },
    Variable {
        name: "MERCATO_TRUSTED_PROXIES",
        default: "(none)",
        secret: false,
        help: "CIDRs of proxies you run (e.g. 10.0.0.0/8,127.0.0.1): their X-Forwarded-For is read from the right",
    },
    Variable {
        name: "MERCATO_OUTBOX_POLL_MS",
        default: "2000",
        secret: false,
        help: "How often the outbox worker looks for due messages",
    },
    Variable {
        name: "MERCATO_OUTBOX_RETRY_BASE_MS",
        default: "5000",
        secret: false,
        help: "First retry delay for failed deliveries; doubles up to an hour",
    },
    Variable {
        name: "MERCATO_OUTBOX_LEASE_SECONDS",
        default: "120",
        secret: false,
        help: "How long an instance holds a message it is delivering; a crashed instance's messages go to another after it",
    },
    Variable {
        name: "MERCATO_WEBHOOK_ALLOW_PRIVATE",
        default: "false",
        secret: false,
        help: "Let webhook endpoints be on loopback or private networks (development, an ERP on your LAN); otherwise only public addresses",
    },
    Variable {
        name: "MERCATO_WEBHOOK_DISABLE_AFTER",
        default: "10/259200",
        secret: false,
        help: "Turn a webhook endpoint off (and mail its maker) after N failed attempts in a row spanning at least S seconds",
    },
    Variable {
        name: "MERCATO_METRICS_TOKEN",
        default: "(unset: /metrics answers only direct loopback requests)",
        secret: true,
        help: "Bearer token a Prometheus scraper sends to read /metrics from another host",
    },
];

#[derive(Clone, Debug)]
pub struct RateLimit {
    pub requests: u32,
    pub per: Duration,
}

#[derive(Clone, Debug)]
pub struct SecurityConfig {
    pub secret_key: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub require_staff_2fa: bool,
    pub session_idle: Duration,
    pub session_max: Duration,
    pub auth_rate_limit: RateLimit,
    pub checkout_rate_limit: RateLimit,
    /// REST API requests per token (or per address without one).
    pub api_rate_limit: RateLimit,
    pub hsts_max_age: u64,
    pub lockout_after: i32,
    pub lockout_for: Duration,
    pub trusted_proxies: crate::http::client_ip::TrustedProxies,
    pub outbox_poll: Duration,
    pub outbox_retry_base: Duration,
    pub outbox_lease: Duration,
    pub metrics_token: Option<String>,
    pub webhook_allow_private: bool,
    /// N failed attempts in a row, spanning at least `per`.
    pub webhook_disable_after: RateLimit,
}

fn number<T: std::str::FromStr + PartialOrd + Default>(
    env: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: T,
) -> Result<T, ConfigError> {
    match env(name) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse::<T>()
            .ok()
            .filter(|n| *n > T::default())
            .ok_or(ConfigError::Invalid {
                name,
                expected: "a positive number",
                value: v,
            }),
    }
}

fn boolean(env: &impl Fn(&str) -> Option<String>, name: &'static str) -> Result<bool, ConfigError> {
    match env(name).as_deref().map(str::trim) {
        None | Some("false") | Some("0") | Some("no") => Ok(false),
        Some("true") | Some("1") | Some("yes") => Ok(true),
        Some(other) => Err(ConfigError::Invalid {
            name,
            expected: "true or false",
            value: other.into(),
        }),
    }
}

fn rate(
    env: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: RateLimit,
) -> Result<RateLimit, ConfigError> {
    let Some(v) = env(name) else {
        return Ok(default);
    };
    let parsed = v.split_once('/').and_then(|(n, s)| {
        let n: u32 = n.trim().parse().ok().filter(|n| *n > 0)?;
        let s: f64 = s.trim().parse().ok().filter(|s: &f64| *s > 0.0)?;
        Some(RateLimit {
            requests: n,
            per: Duration::from_secs_f64(s),
        })
    });
    parsed.ok_or(ConfigError::Invalid {
        name,
        expected: "N/S, e.g. 10/60 for ten requests a minute",
        value: v,
    })
}

fn proxies(
    env: &impl Fn(&str) -> Option<String>,
) -> Result<crate::http::client_ip::TrustedProxies, ConfigError> {
    if env("MERCATO_TRUST_PROXY").is_some() {
        return Err(ConfigError::Invalid {
            name: "MERCATO_TRUST_PROXY",
            expected: "unset: replaced by MERCATO_TRUSTED_PROXIES, the CIDRs of your proxies",
            value: env("MERCATO_TRUST_PROXY").unwrap_or_default(),
        });
    }
    let Some(v) = env("MERCATO_TRUSTED_PROXIES") else {
        return Ok(Default::default());
    };
    v.split(',')
        .filter(|c| !c.trim().is_empty())
        .map(str::parse)
        .collect::<Result<Vec<_>, _>>()
        .map(crate::http::client_ip::TrustedProxies)
        .map_err(|_| ConfigError::Invalid {
            name: "MERCATO_TRUSTED_PROXIES",
            expected: "comma-separated CIDRs such as 10.0.0.0/8,::1",
            value: v,
        })
}

impl SecurityConfig {
    pub fn from_lookup(
        env: &impl Fn(&str) -> Option<String>,
        shop_name: &str,
    ) -> Result<Self, ConfigError> {
        Ok(Self {
            secret_key: env("MERCATO_SECRET_KEY"),
            smtp_url: env("MERCATO_SMTP_URL"),
            mail_from: env("MERCATO_MAIL_FROM").unwrap_or_else(|| {
                format!(
                    "{} <no-reply@localhost>",
                    shop_name.replace(['<', '>', '"'], "")
                )
            }),
            require_staff_2fa: boolean(env, "MERCATO_REQUIRE_STAFF_2FA")?,
            session_idle: Duration::from_secs(
                60 * number(env, "MERCATO_SESSION_IDLE_MINUTES", 10_080u64)?,
            ),
            session_max: Duration::from_secs(
                3600 * number(env, "MERCATO_SESSION_MAX_HOURS", 720u64)?,
            ),
            auth_rate_limit: rate(
                env,
                "MERCATO_AUTH_RATE_LIMIT",
                RateLimit {
                    requests: 10,
                    per: Duration::from_secs(60),
                },
            )?,
            checkout_rate_limit: rate(
                env,
                "MERCATO_CHECKOUT_RATE_LIMIT",
                RateLimit {
                    requests: 20,
                    per: Duration::from_secs(600),
                },
            )?,
            api_rate_limit: rate(
                env,
                "MERCATO_API_RATE_LIMIT",
                RateLimit {
                    requests: 600,
                    per: Duration::from_secs(60),
                },
            )?,
            lockout_after: number(env, "MERCATO_LOCKOUT_AFTER", 5i32)?,
            lockout_for: Duration::from_secs(number(env, "MERCATO_LOCKOUT_SECONDS", 900u64)?),
            trusted_proxies: proxies(env)?,
            hsts_max_age: match env("MERCATO_HSTS_MAX_AGE") {
                None => 63_072_000,
                Some(v) => v.trim().parse().map_err(|_| ConfigError::Invalid {
                    name: "MERCATO_HSTS_MAX_AGE",
                    expected: "a number of seconds (0 for none)",
                    value: v,
                })?,
            },
            outbox_poll: Duration::from_millis(number(env, "MERCATO_OUTBOX_POLL_MS", 2_000u64)?),
            outbox_retry_base: Duration::from_millis(number(
                env,
                "MERCATO_OUTBOX_RETRY_BASE_MS",
                5_000u64,
            )?),
            outbox_lease: Duration::from_secs(
                number(env, "MERCATO_OUTBOX_LEASE_SECONDS", 120u64)?.max(1),
            ),
            metrics_token: env("MERCATO_METRICS_TOKEN").filter(|t| !t.trim().is_empty()),
            webhook_allow_private: boolean(env, "MERCATO_WEBHOOK_ALLOW_PRIVATE")?,
            webhook_disable_after: rate(
                env,
                "MERCATO_WEBHOOK_DISABLE_AFTER",
                RateLimit {
                    requests: 10,
                    per: Duration::from_secs(3 * 24 * 3600),
                },
            )?,
        })
    }

    pub fn describe(&self) -> Vec<(String, String)> {
        vec![
            (
                "MERCATO_SECRET_KEY".into(),
                if self.secret_key.is_some() {
                    "****"
                } else {
                    "(file)"
                }
                .into(),
            ),
            (
                "MERCATO_SMTP_URL".into(),
                self.smtp_url
                    .as_deref()
                    .map(crate::config::mask_url)
                    .unwrap_or_else(|| "(file transport)".into()),
            ),
            ("MERCATO_MAIL_FROM".into(), self.mail_from.clone()),
            (
                "MERCATO_REQUIRE_STAFF_2FA".into(),
                self.require_staff_2fa.to_string(),
            ),
            (
                "MERCATO_SESSION_IDLE_MINUTES".into(),
                (self.session_idle.as_secs() / 60).to_string(),
            ),
            (
                "MERCATO_SESSION_MAX_HOURS".into(),
                (self.session_max.as_secs() / 3600).to_string(),
            ),
            (
                "MERCATO_AUTH_RATE_LIMIT".into(),
                format!(
                    "{}/{}",
                    self.auth_rate_limit.requests,
                    self.auth_rate_limit.per.as_secs_f64()
                ),
            ),
            (
                "MERCATO_LOCKOUT_AFTER".into(),
                self.lockout_after.to_string(),
            ),
            (
                "MERCATO_LOCKOUT_SECONDS".into(),
                self.lockout_for.as_secs().to_string(),
            ),
            (
                "MERCATO_CHECKOUT_RATE_LIMIT".into(),
                format!(
                    "{}/{}",
                    self.checkout_rate_limit.requests,
                    self.checkout_rate_limit.per.as_secs_f64()
                ),
            ),
            (
                "MERCATO_API_RATE_LIMIT".into(),
                format!(
                    "{}/{}",
                    self.api_rate_limit.requests,
                    self.api_rate_limit.per.as_secs_f64()
                ),
            ),
            (
                "MERCATO_TRUSTED_PROXIES".into(),
                format!("{} network(s)", self.trusted_proxies.0.len()),
            ),
            (
                "MERCATO_OUTBOX_POLL_MS".into(),
                self.outbox_poll.as_millis().to_string(),
            ),
            (
                "MERCATO_OUTBOX_RETRY_BASE_MS".into(),
                self.outbox_retry_base.as_millis().to_string(),
            ),
            (
                "MERCATO_OUTBOX_LEASE_SECONDS".into(),
                self.outbox_lease.as_secs().to_string(),
            ),
            (
                "MERCATO_METRICS_TOKEN".into(),
                if self.metrics_token.is_some() {
                    "****"
                } else {
                    "(unset)"
                }
                .into(),
            ),
            (
                "MERCATO_WEBHOOK_ALLOW_PRIVATE".into(),
                self.webhook_allow_private.to_string(),
            ),
            (
                "MERCATO_WEBHOOK_DISABLE_AFTER".into(),
                format!(
                    "{}/{}",
                    self.webhook_disable_after.requests,
                    self.webhook_disable_after.per.as_secs_f64()
                ),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(vars: &[(&str, &str)]) -> Result<SecurityConfig, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        SecurityConfig::from_lookup(&move |k: &str| map.get(k).cloned(), "Shop")
    }

    #[test]
    fn defaults_and_overrides() {
        let c = parse(&[]).unwrap();
        assert!(c.smtp_url.is_none());
        assert_eq!(c.mail_from, "Shop <no-reply@localhost>");
        assert_eq!(c.auth_rate_limit.requests, 10);
        let c = parse(&[
            ("MERCATO_AUTH_RATE_LIMIT", "3/0.5"),
            ("MERCATO_REQUIRE_STAFF_2FA", "true"),
        ])
        .unwrap();
        assert_eq!(c.auth_rate_limit.per, Duration::from_millis(500));
        assert!(c.require_staff_2fa);
    }

    #[test]
    fn bad_values_name_the_variable() {
        for (k, v) in [
            ("MERCATO_AUTH_RATE_LIMIT", "ten"),
            ("MERCATO_LOCKOUT_AFTER", "0"),
            ("MERCATO_TRUST_PROXY", "true"),
            ("MERCATO_TRUSTED_PROXIES", "10.0.0.0/8,proxy.example"),
            ("MERCATO_CHECKOUT_RATE_LIMIT", "0/60"),
        ] {
            let err = parse(&[(k, v)]).unwrap_err();
            assert!(err.to_string().contains(k), "{err}");
        }
    }

    #[test]
    fn smtp_password_is_masked() {
        let c = parse(&[("MERCATO_SMTP_URL", "smtp://u:hunter2@mail:587")]).unwrap();
        assert!(c.describe().iter().all(|(_, v)| !v.contains("hunter2")));
    }
}
