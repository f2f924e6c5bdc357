//! Sign-in with identity providers (OpenID Connect): which ones, and their
//! clients. Same rules as [`crate::config`]. Each provider in
//! `MERCATO_OIDC_PROVIDERS` takes `MERCATO_OIDC_<ID>_CLIENT_ID` and
//! `_CLIENT_SECRET`, and `_ISSUER` unless it is `google` (Google's issuer)
//! or `microsoft` (`_TENANT` names the Entra ID tenant: a token's issuer
//! carries it, so `common` can't be verified); `_NAME` is the button's
//! label. The provider redirects to `<public URL>/auth/oidc/<id>/callback`.
use domain::accounts::StaffProvider;
use domain::identity_providers::ProviderConfig;

use crate::config::{ConfigError, Variable};

pub const VARIABLES: &[Variable] = &[
    Variable {
        name: "MERCATO_OIDC_PROVIDERS",
        default: "(none: email and password only)",
        secret: false,
        help: "Identity providers to sign in with, by id: google, microsoft, or any OIDC issuer's id of your choosing (comma-separated)",
    },
    Variable {
        name: "MERCATO_OIDC_<ID>_CLIENT_ID",
        default: "(required per provider)",
        secret: false,
        help: "The shop's client id at that provider",
    },
    Variable {
        name: "MERCATO_OIDC_<ID>_CLIENT_SECRET",
        default: "(required per provider)",
        secret: true,
        help: "Its client secret",
    },
    Variable {
        name: "MERCATO_OIDC_<ID>_ISSUER",
        default: "Google's for google; Microsoft's for the tenant",
        secret: false,
        help: "The provider's issuer URL (its discovery document is <issuer>/.well-known/openid-configuration)",
    },
    Variable {
        name: "MERCATO_OIDC_MICROSOFT_TENANT",
        default: "(required for microsoft)",
        secret: false,
        help: "The Entra ID tenant (id or domain) whose accounts sign in",
    },
    Variable {
        name: "MERCATO_OIDC_<ID>_NAME",
        default: "Google, Microsoft, or the id",
        secret: false,
        help: "What the sign-in button calls the provider",
    },
    Variable {
        name: "MERCATO_OIDC_STAFF",
        default: "(unset: staff sign in with a password)",
        secret: false,
        help: "Staff and admins must sign in with this provider (its id); their passwords stop working",
    },
];

#[derive(Clone, Debug, Default)]
pub struct IdentityConfig {
    pub providers: Vec<ProviderConfig>,
    pub staff: Option<StaffProvider>,
}

fn invalid(name: &'static str, expected: &'static str, value: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        name,
        expected,
        value: value.into(),
    }
}

impl IdentityConfig {
    pub fn from_lookup(env: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let mut providers = Vec::new();
        for id in env("MERCATO_OIDC_PROVIDERS")
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
        {
            if id.len() > 20
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(invalid(
                    "MERCATO_OIDC_PROVIDERS",
                    "ids of at most 20 letters, digits and dashes",
                    id,
                ));
            }
            if providers.iter().any(|p: &ProviderConfig| p.id == id) {
                return Err(invalid("MERCATO_OIDC_PROVIDERS", "each id once", id));
            }
            let key = |part: &str| {
                format!(
                    "MERCATO_OIDC_{}_{part}",
                    id.to_uppercase().replace('-', "_")
                )
            };
            let need = |part: &str| {
                env(&key(part)).ok_or_else(|| {
                    invalid(
                        "MERCATO_OIDC_PROVIDERS",
                        "each provider with its MERCATO_OIDC_<ID>_CLIENT_ID and _CLIENT_SECRET (and _ISSUER unless google or microsoft)",
                        format!("{id}: {} unset", key(part)),
                    )
                })
            };
            let (default_label, issuer) = match id.as_str() {
                "google" => (
                    "Google".to_owned(),
                    env(&key("ISSUER")).unwrap_or_else(|| "https://accounts.google.com".into()),
                ),
                "microsoft" => {
                    let issuer = match env(&key("ISSUER")) {
                        Some(issuer) => issuer,
                        None => {
                            format!("https://login.microsoftonline.com/{}/v2.0", need("TENANT")?)
                        }
                    };
                    ("Microsoft".to_owned(), issuer)
                }
                _ => (id.clone(), need("ISSUER")?),
            };
            if !(issuer.starts_with("https://") || issuer.starts_with("http://")) {
                return Err(invalid(
                    "MERCATO_OIDC_<ID>_ISSUER",
                    "an http(s):// URL",
                    issuer,
                ));
            }
            providers.push(ProviderConfig {
                label: env(&key("NAME")).unwrap_or(default_label),
                client_id: need("CLIENT_ID")?,
                client_secret: need("CLIENT_SECRET")?,
                issuer,
                id,
            });
        }
        let staff = match env("MERCATO_OIDC_STAFF") {
            None => None,
            Some(id) => {
                let id = id.trim().to_lowercase();
                let p = providers.iter().find(|p| p.id == id).ok_or_else(|| {
                    invalid(
                        "MERCATO_OIDC_STAFF",
                        "one of MERCATO_OIDC_PROVIDERS",
                        id.clone(),
                    )
                })?;
                Some(StaffProvider {
                    id: p.id.clone(),
                    label: p.label.clone(),
                })
            }
        };
        Ok(Self { providers, staff })
    }

    pub fn describe(&self) -> Vec<(String, String)> {
        let mut lines: Vec<(String, String)> = self
            .providers
            .iter()
            .map(|p| {
                (
                    format!("sign in with {}", p.id),
                    format!(
                        "{} at {} (client {}, secret ****)",
                        p.label, p.issuer, p.client_id
                    ),
                )
            })
            .collect();
        if let Some(s) = &self.staff {
            lines.push(("MERCATO_OIDC_STAFF".into(), s.id.clone()));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(vars: &[(&str, &str)]) -> Result<IdentityConfig, ConfigError> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        IdentityConfig::from_lookup(&|k: &str| {
            vars.iter()
                .find(|(name, _)| name == k)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn providers_are_read_with_their_defaults() {
        let c = parse(&[
            ("MERCATO_OIDC_PROVIDERS", "google, acme-id"),
            ("MERCATO_OIDC_GOOGLE_CLIENT_ID", "g-id"),
            ("MERCATO_OIDC_GOOGLE_CLIENT_SECRET", "g-secret"),
            ("MERCATO_OIDC_ACME_ID_ISSUER", "https://id.acme.test"),
            ("MERCATO_OIDC_ACME_ID_CLIENT_ID", "a-id"),
            ("MERCATO_OIDC_ACME_ID_CLIENT_SECRET", "a-secret"),
            ("MERCATO_OIDC_ACME_ID_NAME", "Acme ID"),
            ("MERCATO_OIDC_STAFF", "acme-id"),
        ])
        .unwrap();
        let p = &c.providers;
        assert_eq!(
            (p[0].id.as_str(), p[0].label.as_str(), p[0].issuer.as_str()),
            ("google", "Google", "https://accounts.google.com")
        );
        assert_eq!(
            (p[1].label.as_str(), p[1].client_id.as_str()),
            ("Acme ID", "a-id")
        );
        assert_eq!(c.staff.map(|s| s.label), Some("Acme ID".to_owned()));
    }

    fn c_describe() -> Vec<(String, String)> {
        parse(&[
            ("MERCATO_OIDC_PROVIDERS", "google"),
            ("MERCATO_OIDC_GOOGLE_CLIENT_ID", "g-id"),
            ("MERCATO_OIDC_GOOGLE_CLIENT_SECRET", "hush"),
        ])
        .unwrap()
        .describe()
    }

    #[test]
    fn secrets_are_never_described() {
        assert!(c_describe().iter().all(|(_, v)| !v.contains("hush")));
    }

    #[test]
    fn a_provider_without_its_client_or_a_bad_staff_id_is_refused() {
        for vars in [
            vec![("MERCATO_OIDC_PROVIDERS", "google")],
            vec![
                ("MERCATO_OIDC_PROVIDERS", "acme"),
                ("MERCATO_OIDC_ACME_CLIENT_ID", "a"),
                ("MERCATO_OIDC_ACME_CLIENT_SECRET", "b"),
            ],
            vec![("MERCATO_OIDC_PROVIDERS", "Bad Id!")],
            vec![
                ("MERCATO_OIDC_PROVIDERS", "microsoft"),
                ("MERCATO_OIDC_MICROSOFT_CLIENT_ID", "a"),
                ("MERCATO_OIDC_MICROSOFT_CLIENT_SECRET", "b"),
            ],
            vec![("MERCATO_OIDC_STAFF", "google")],
        ] {
            assert!(parse(&vars).is_err(), "{vars:?}");
        }
    }
}
