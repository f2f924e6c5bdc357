//! Runtime configuration: `MERCATO_*` environment variables (12-factor).
//! Every variable is listed in [`VARIABLES`], which also drives
//! `mercato config` and the README table.
use std::path::PathBuf;

use leptos::config::LeptosOptions;

pub struct Variable {
    pub name: &'static str,
    pub default: &'static str,
    pub secret: bool,
    pub help: &'static str,
}

pub const VARIABLES: &[Variable] = &[
    Variable {
        name: "MERCATO_DATABASE_URL",
        default: "sqlite://<data dir>/mercato.db",
        secret: true,
        help: "SQLite file or postgres://user:pass@host/db",
    },
    Variable {
        name: "MERCATO_DATA_DIR",
        default: "data",
        secret: false,
        help: "Folder for the SQLite file, uploads and generated images",
    },
    Variable {
        name: "MERCATO_PUBLIC_URL",
        default: "http://<site-addr>",
        secret: false,
        help: "Absolute URL shoppers use; canonical and Open Graph links",
    },
    Variable {
        name: "MERCATO_SHOP_NAME",
        default: "Mercato Demo Shop",
        secret: false,
        help: "Store name of a new database; then /admin/settings",
    },
    Variable {
        name: "MERCATO_SEED_DEMO",
        default: "auto",
        secret: false,
        help: "auto: seed the demo shop into an empty database at start; never: don't",
    },
    Variable {
        name: "MERCATO_DB_MAX_CONNECTIONS",
        default: "16",
        secret: false,
        help: "Database pool size",
    },
    Variable {
        name: "MERCATO_PAGE_CACHE_MB",
        default: "128",
        secret: false,
        help: "Memory for anonymous shoppers' rendered pages (0: no page cache)",
    },
    Variable {
        name: "MERCATO_SERVE_THREADS",
        default: "one per core",
        secret: false,
        help: "Threads that accept and serve connections, each with its own socket on the port",
    },
    Variable {
        name: "MERCATO_LOG",
        default: "info",
        secret: false,
        help: "Log filter (tracing EnvFilter syntax)",
    },
    Variable {
        name: "MERCATO_LOG_FORMAT",
        default: "json",
        secret: false,
        help: "json (production) or pretty (humans)",
    },
    Variable {
        name: "MERCATO_LEPTOS_TOML",
        default: "Leptos.toml",
        secret: false,
        help: "Site settings file (address, site root); LEPTOS_* override it",
    },
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeedMode {
    Auto,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Json,
    Pretty,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub data_dir: PathBuf,
    pub public_url: String,
    pub shop_name: String,
    pub seed: SeedMode,
    pub db_max_connections: u32,
    /// Threads accepting and serving connections (`serving`).
    pub serve_threads: usize,
    /// Bytes for the page cache; 0 turns it off.
    pub page_cache_bytes: u64,
    /// How often recommendations are recounted from orders and views.
    pub recommendations_every: std::time::Duration,
    /// How often carts are checked for a reminder due.
    pub cart_reminders_every: std::time::Duration,
    pub log_filter: String,
    pub log_format: LogFormat,
    pub leptos: LeptosOptions,
    pub security: crate::security_config::SecurityConfig,
    pub commerce: crate::commerce_config::CommerceConfig,
    pub search: crate::search_config::SearchConfig,
    pub files: crate::files_config::FilesConfig,
    pub identity: crate::identity_config::IdentityConfig,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} must be {expected}, got {value:?}")]
    Invalid {
        name: &'static str,
        expected: &'static str,
        value: String,
    },
    #[error(transparent)]
    Site(#[from] crate::site_settings::SiteSettingsError),
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
    }

    pub fn from_lookup(env: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let leptos_toml = env("MERCATO_LEPTOS_TOML").unwrap_or_else(|| "Leptos.toml".into());
        let leptos = crate::site_settings::load(std::path::Path::new(&leptos_toml), &env)?;
        let data_dir = PathBuf::from(env("MERCATO_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = env("MERCATO_DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}/mercato.db?mode=rwc", data_dir.display()));
        let public_url = env("MERCATO_PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{}", leptos.site_addr))
            .trim_end_matches('/')
            .to_owned();
        let seed = match env("MERCATO_SEED_DEMO").as_deref() {
            None | Some("auto") => SeedMode::Auto,
            Some("never") => SeedMode::Never,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "MERCATO_SEED_DEMO",
                    expected: "auto or never",
                    value: other.into(),
                })
            }
        };
        let db_max_connections = match env("MERCATO_DB_MAX_CONNECTIONS") {
            None => 16,
            Some(v) => v
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(ConfigError::Invalid {
                    name: "MERCATO_DB_MAX_CONNECTIONS",
                    expected: "a positive number",
                    value: v,
                })?,
        };
        let serve_threads = match env("MERCATO_SERVE_THREADS") {
            None => std::thread::available_parallelism().map_or(2, |n| n.get()),
            Some(v) => v
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=256).contains(n))
                .ok_or(ConfigError::Invalid {
                    name: "MERCATO_SERVE_THREADS",
                    expected: "a number of threads between 1 and 256",
                    value: v,
                })?,
        };
        let page_cache_bytes =
            match env("MERCATO_PAGE_CACHE_MB") {
                None => 128,
                Some(v) => v.parse::<u64>().ok().filter(|mb| *mb <= 1 << 20).ok_or(
                    ConfigError::Invalid {
                        name: "MERCATO_PAGE_CACHE_MB",
                        expected: "a number of megabytes (0 turns the page cache off)",
                        value: v,
                    },
                )?,
            } * 1024
                * 1024;
        let recommendations_every = seconds(
            &env,
            "MERCATO_RECOMMENDATIONS_SECS",
            300,
            5..=86_400,
            "seconds between 5 and 86400",
        )?;
        let cart_reminders_every = seconds(
            &env,
            "MERCATO_CART_REMINDERS_SECS",
            60,
            1..=3_600,
            "seconds between 1 and 3600",
        )?;
        let log_format = match env("MERCATO_LOG_FORMAT").as_deref() {
            None | Some("json") => LogFormat::Json,
            Some("pretty") => LogFormat::Pretty,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "MERCATO_LOG_FORMAT",
                    expected: "json or pretty",
                    value: other.into(),
                })
            }
        };
        let shop_name = env("MERCATO_SHOP_NAME").unwrap_or_else(|| "Mercato Demo Shop".into());
        let security = crate::security_config::SecurityConfig::from_lookup(&env, &shop_name)?;
        let commerce = crate::commerce_config::CommerceConfig::from_lookup(&env)?;
        commerce.check_gateway(&public_url)?;
        let search = crate::search_config::SearchConfig::from_lookup(&env)?;
        let files = crate::files_config::FilesConfig::from_lookup(&env)?;
        let identity = crate::identity_config::IdentityConfig::from_lookup(&env)?;
        Ok(Self {
            database_url,
            data_dir,
            public_url,
            shop_name,
            seed,
            db_max_connections,
            serve_threads,
            page_cache_bytes,
            recommendations_every,
            cart_reminders_every,
            log_filter: env("MERCATO_LOG").unwrap_or_else(|| "info".into()),
            log_format,
            leptos,
            security,
            commerce,
            search,
            files,
            identity,
        })
    }

    pub fn uploads_dir(&self) -> PathBuf {
        self.data_dir.join("uploads")
    }

    /// Lines for `mercato config`, with secrets masked.
    pub fn describe(&self) -> Vec<(String, String)> {
        let mut lines = vec![
            ("MERCATO_DATABASE_URL".into(), mask_url(&self.database_url)),
            (
                "MERCATO_DATA_DIR".into(),
                self.data_dir.display().to_string(),
            ),
            ("MERCATO_PUBLIC_URL".into(), self.public_url.clone()),
            ("MERCATO_SHOP_NAME".into(), self.shop_name.clone()),
            (
                "MERCATO_SEED_DEMO".into(),
                format!("{:?}", self.seed).to_lowercase(),
            ),
            (
                "MERCATO_DB_MAX_CONNECTIONS".into(),
                self.db_max_connections.to_string(),
            ),
            (
                "MERCATO_SERVE_THREADS".into(),
                self.serve_threads.to_string(),
            ),
            (
                "MERCATO_PAGE_CACHE_MB".into(),
                (self.page_cache_bytes / 1024 / 1024).to_string(),
            ),
            (
                "MERCATO_RECOMMENDATIONS_SECS".into(),
                self.recommendations_every.as_secs().to_string(),
            ),
            (
                "MERCATO_CART_REMINDERS_SECS".into(),
                self.cart_reminders_every.as_secs().to_string(),
            ),
            ("MERCATO_LOG".into(), self.log_filter.clone()),
            (
                "MERCATO_LOG_FORMAT".into(),
                format!("{:?}", self.log_format).to_lowercase(),
            ),
            ("site-addr".into(), self.leptos.site_addr.to_string()),
            ("site-root".into(), self.leptos.site_root.to_string()),
            ("hash-files".into(), self.leptos.hash_files.to_string()),
        ];
        lines.extend(self.security.describe());
        lines.extend(self.commerce.describe());
        lines.extend(self.search.describe());
        lines.extend(self.files.describe());
        lines.extend(self.identity.describe());
        lines
    }

    /// Served over https: cookies get `Secure` and responses HSTS.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:****@host/db`.
pub fn mask_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((creds, host)) = rest.rsplit_once('@') else {
        return url.to_owned();
    };
    match creds.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:****@{host}"),
        None => url.to_owned(),
    }
}

/// A period in whole seconds from `name`, within `range`; `default` when unset.
fn seconds(
    env: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
    expected: &'static str,
) -> Result<std::time::Duration, ConfigError> {
    let secs = match env(name) {
        None => default,
        Some(v) => v
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|s| range.contains(s))
            .ok_or(ConfigError::Invalid {
                name,
                expected,
                value: v,
            })?,
    };
    Ok(std::time::Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn cfg(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(move |k| map.get(k).cloned())
    }

    #[test]
    fn defaults_to_sqlite_in_the_data_dir() {
        let c = cfg(&[("MERCATO_LEPTOS_TOML", "/nonexistent")]).expect("config");
        assert_eq!(c.database_url, "sqlite://data/mercato.db?mode=rwc");
        assert_eq!(c.public_url, "http://127.0.0.1:3000");
        assert_eq!(c.seed, SeedMode::Auto);
        assert_eq!(c.log_format, LogFormat::Json);
    }

    #[test]
    fn rejects_bad_values_with_the_variable_name() {
        let err = cfg(&[
            ("MERCATO_LEPTOS_TOML", "/nonexistent"),
            ("MERCATO_DB_MAX_CONNECTIONS", "lots"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("MERCATO_DB_MAX_CONNECTIONS"));
        let err = cfg(&[
            ("MERCATO_LEPTOS_TOML", "/nonexistent"),
            ("MERCATO_SEED_DEMO", "yes"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("MERCATO_SEED_DEMO"));
        for (name, value) in [
            ("MERCATO_CART_REMINDERS_SECS", "0"),
            ("MERCATO_CART_REMINDERS_SECS", "3601"),
            ("MERCATO_RECOMMENDATIONS_SECS", "4"),
            ("MERCATO_RECOMMENDATIONS_SECS", "soon"),
            ("MERCATO_SERVE_THREADS", "0"),
            ("MERCATO_SERVE_THREADS", "257"),
            ("MERCATO_SERVE_THREADS", "many"),
        ] {
            let err = cfg(&[("MERCATO_LEPTOS_TOML", "/nonexistent"), (name, value)]).unwrap_err();
            assert!(err.to_string().contains(name), "{name}={value}: {err}");
        }
        let c = cfg(&[
            ("MERCATO_LEPTOS_TOML", "/nonexistent"),
            ("MERCATO_CART_REMINDERS_SECS", " 5 "),
            ("MERCATO_SERVE_THREADS", "3"),
        ])
        .expect("config");
        assert_eq!(c.cart_reminders_every.as_secs(), 5);
        assert_eq!(c.serve_threads, 3);
        assert_eq!(c.recommendations_every.as_secs(), 300);
    }

    #[test]
    fn masks_database_passwords() {
        assert_eq!(
            mask_url("postgres://shop:s3cret@db:5432/mercato"),
            "postgres://shop:****@db:5432/mercato"
        );
        assert_eq!(
            mask_url("sqlite://data/mercato.db"),
            "sqlite://data/mercato.db"
        );
        let c = cfg(&[
            ("MERCATO_LEPTOS_TOML", "/nonexistent"),
            ("MERCATO_DATABASE_URL", "postgres://u:pw@h/d"),
        ])
        .expect("config");
        assert!(c.describe().iter().all(|(_, v)| !v.contains("pw@")));
    }
}
