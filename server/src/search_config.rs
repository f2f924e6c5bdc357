//! Which search engine serves the shop: the embedded index under
//! `data/search/` unless Meilisearch is configured (`MERCATO_*`; same rules
//! as [`crate::config`]).
use std::path::Path;
use std::sync::Arc;

use domain::search::embedded::EmbeddedIndex;
use domain::search::meili::MeiliIndex;
use domain::search::SearchIndex;

use crate::config::{mask_url, ConfigError, Variable};

pub const VARIABLES: &[Variable] = &[
    Variable {
        name: "MERCATO_MEILISEARCH_URL",
        default: "(unset: the embedded index in data/search)",
        secret: false,
        help: "http://host:7700: search with Meilisearch instead",
    },
    Variable {
        name: "MERCATO_MEILISEARCH_KEY",
        default: "(none)",
        secret: true,
        help: "Meilisearch API key with documents, settings, search and swap rights",
    },
    Variable {
        name: "MERCATO_MEILISEARCH_INDEX",
        default: "mercato_products",
        secret: false,
        help: "Meilisearch index name (one per shop)",
    },
];

#[derive(Clone, Debug)]
pub struct Meili {
    pub url: String,
    pub key: Option<String>,
    pub index: String,
}

#[derive(Clone, Debug, Default)]
pub struct SearchConfig {
    pub meili: Option<Meili>,
}

impl SearchConfig {
    pub fn from_lookup(env: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let meili = match env("MERCATO_MEILISEARCH_URL") {
            None => None,
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => Some(Meili {
                url: url.trim_end_matches('/').to_owned(),
                key: env("MERCATO_MEILISEARCH_KEY"),
                index: env("MERCATO_MEILISEARCH_INDEX")
                    .unwrap_or_else(|| "mercato_products".into()),
            }),
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "MERCATO_MEILISEARCH_URL",
                    expected: "an http:// or https:// URL",
                    value: other,
                })
            }
        };
        Ok(Self { meili })
    }

    pub fn engine(&self, data_dir: &Path) -> Result<Arc<dyn SearchIndex>, domain::Error> {
        Ok(match (&self.meili, self.embedded_dir(data_dir)) {
            (Some(m), _) => Arc::new(MeiliIndex::new(&m.url, m.key.as_deref(), &m.index)?),
            (None, dir) => Arc::new(EmbeddedIndex::new(dir.unwrap_or_default())),
        })
    }

    /// Where this instance keeps its own index: the embedded engine's
    /// folder, None on Meilisearch.
    pub fn embedded_dir(&self, data_dir: &Path) -> Option<std::path::PathBuf> {
        self.meili.is_none().then(|| data_dir.join("search"))
    }

    pub fn describe(&self) -> Vec<(String, String)> {
        match &self.meili {
            None => vec![("search".into(), "embedded (data/search)".into())],
            Some(m) => vec![
                ("MERCATO_MEILISEARCH_URL".into(), mask_url(&m.url)),
                (
                    "MERCATO_MEILISEARCH_KEY".into(),
                    if m.key.is_some() { "****" } else { "(none)" }.into(),
                ),
                ("MERCATO_MEILISEARCH_INDEX".into(), m.index.clone()),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_unless_meilisearch_is_named() {
        let none = SearchConfig::from_lookup(&|_| None).expect("ok");
        assert!(none.meili.is_none());
        let m = SearchConfig::from_lookup(&|k| match k {
            "MERCATO_MEILISEARCH_URL" => Some("http://127.0.0.1:7700/".into()),
            "MERCATO_MEILISEARCH_KEY" => Some("secret-key".into()),
            _ => None,
        })
        .expect("ok");
        let meili = m.meili.clone().expect("meili");
        assert_eq!(meili.url, "http://127.0.0.1:7700");
        assert_eq!(meili.index, "mercato_products");
        assert!(!format!("{:?}", m.describe()).contains("secret-key"));
        assert!(SearchConfig::from_lookup(
            &|k| (k == "MERCATO_MEILISEARCH_URL").then(|| "localhost:7700".into())
        )
        .is_err());
    }
}
