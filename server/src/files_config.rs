//! Where uploaded files go: `<data dir>/uploads/` unless a bucket is
//! configured (`MERCATO_S3_*`), and the base their URLs start with
//! (`MERCATO_FILES_PUBLIC_URL`, e.g. a CDN). Same rules as
//! [`crate::config`].
use std::path::Path;
use std::sync::Arc;

use domain::files::{FileStore, LocalFiles, ObjectFiles, S3Settings};

use crate::config::{ConfigError, Variable};

pub const VARIABLES: &[Variable] = &[
    Variable {
        name: "MERCATO_S3_BUCKET",
        default: "(unset: files in <data dir>/uploads)",
        secret: false,
        help: "Keep uploads in this S3 (or S3-compatible) bucket; it must allow public reads",
    },
    Variable {
        name: "MERCATO_S3_ENDPOINT",
        default: "(AWS)",
        secret: false,
        help: "An S3-compatible server's address (MinIO, Ceph, R2 …): http(s)://host:port",
    },
    Variable {
        name: "MERCATO_S3_REGION",
        default: "us-east-1",
        secret: false,
        help: "The bucket's region",
    },
    Variable {
        name: "MERCATO_S3_ACCESS_KEY_ID",
        default: "(AWS_* variables or the instance's role)",
        secret: false,
        help: "Access key with put and delete rights on the bucket",
    },
    Variable {
        name: "MERCATO_S3_SECRET_ACCESS_KEY",
        default: "(with the access key)",
        secret: true,
        help: "Its secret",
    },
    Variable {
        name: "MERCATO_FILES_PUBLIC_URL",
        default: "/uploads, or the bucket's address",
        secret: false,
        help: "What file URLs start with: a CDN in front of /uploads or the bucket",
    },
];

#[derive(Clone, Debug, Default)]
pub struct FilesConfig {
    pub s3: Option<S3Settings>,
    /// For local files (the bucket's settings carry their own).
    pub public_url: Option<String>,
}

fn url(
    env: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    relative_ok: bool,
) -> Result<Option<String>, ConfigError> {
    match env(name) {
        None => Ok(None),
        Some(v) if v.starts_with("http://") || v.starts_with("https://") => Ok(Some(v)),
        Some(v) if relative_ok && v.starts_with('/') => Ok(Some(v)),
        Some(v) => Err(ConfigError::Invalid {
            name,
            expected: if relative_ok {
                "an http(s):// URL or a path starting with /"
            } else {
                "an http:// or https:// URL"
            },
            value: v,
        }),
    }
}

impl FilesConfig {
    pub fn from_lookup(env: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let public_url = url(env, "MERCATO_FILES_PUBLIC_URL", true)?;
        let Some(bucket) = env("MERCATO_S3_BUCKET") else {
            return Ok(Self {
                s3: None,
                public_url,
            });
        };
        let access_key_id = env("MERCATO_S3_ACCESS_KEY_ID");
        let secret_access_key = env("MERCATO_S3_SECRET_ACCESS_KEY");
        if access_key_id.is_some() != secret_access_key.is_some() {
            return Err(ConfigError::Invalid {
                name: "MERCATO_S3_SECRET_ACCESS_KEY",
                expected: "set together with MERCATO_S3_ACCESS_KEY_ID (or neither)",
                value: "(one of the two)".into(),
            });
        }
        Ok(Self {
            s3: Some(S3Settings {
                bucket,
                endpoint: url(env, "MERCATO_S3_ENDPOINT", false)?,
                region: env("MERCATO_S3_REGION").unwrap_or_else(|| "us-east-1".into()),
                access_key_id,
                secret_access_key,
                public_url: public_url.clone(),
            }),
            public_url,
        })
    }

    pub fn store(&self, uploads_dir: &Path) -> Result<Arc<dyn FileStore>, domain::Error> {
        Ok(match &self.s3 {
            Some(s3) => Arc::new(ObjectFiles::new(s3)?),
            None => Arc::new(LocalFiles::new(
                uploads_dir,
                self.public_url.as_deref().unwrap_or("/uploads"),
            )),
        })
    }

    pub fn describe(&self) -> Vec<(String, String)> {
        match &self.s3 {
            None => vec![(
                "files".into(),
                format!(
                    "data/uploads, at {}",
                    self.public_url.as_deref().unwrap_or("/uploads")
                ),
            )],
            Some(s) => vec![
                ("MERCATO_S3_BUCKET".into(), s.bucket.clone()),
                (
                    "MERCATO_S3_ENDPOINT".into(),
                    s.endpoint.clone().unwrap_or_else(|| "(AWS)".into()),
                ),
                ("MERCATO_S3_REGION".into(), s.region.clone()),
                (
                    "MERCATO_S3_SECRET_ACCESS_KEY".into(),
                    if s.secret_access_key.is_some() {
                        "****"
                    } else {
                        "(environment)"
                    }
                    .into(),
                ),
                (
                    "MERCATO_FILES_PUBLIC_URL".into(),
                    s.public_url.clone().unwrap_or_else(|| s.bucket_url()),
                ),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(vars: &[(&str, &str)]) -> Result<FilesConfig, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        FilesConfig::from_lookup(&|k: &str| map.get(k).cloned())
    }

    #[test]
    fn local_by_default_and_a_bucket_when_named() {
        assert!(parse(&[]).expect("default").s3.is_none());
        let c = parse(&[
            ("MERCATO_S3_BUCKET", "shop"),
            ("MERCATO_S3_ENDPOINT", "http://127.0.0.1:9000"),
            ("MERCATO_S3_ACCESS_KEY_ID", "id"),
            ("MERCATO_S3_SECRET_ACCESS_KEY", "very-secret"),
        ])
        .expect("s3");
        assert_eq!(c.s3.as_ref().map(|s| s.region.as_str()), Some("us-east-1"));
        assert!(!format!("{:?}", c.describe()).contains("very-secret"));
    }

    #[test]
    fn half_credentials_and_odd_urls_are_refused() {
        assert!(parse(&[
            ("MERCATO_S3_BUCKET", "b"),
            ("MERCATO_S3_ACCESS_KEY_ID", "id")
        ])
        .is_err());
        assert!(parse(&[
            ("MERCATO_S3_BUCKET", "b"),
            ("MERCATO_S3_ENDPOINT", "minio:9000")
        ])
        .is_err());
        assert!(parse(&[("MERCATO_FILES_PUBLIC_URL", "cdn.example.com")]).is_err());
        assert!(parse(&[("MERCATO_FILES_PUBLIC_URL", "/media")]).is_ok());
    }
}
