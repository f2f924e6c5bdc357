//! Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2 …) through
//! object_store. Each object is written with its content type and a year's
//! cache lifetime: an upload always gets a new key, so a URL never changes
//! what it shows. Shoppers fetch them from the bucket's address or a CDN
//! in front of it; the bucket must allow public reads of those keys.
use std::time::Duration;

use async_trait::async_trait;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path;
use object_store::{
    Attribute, Attributes, BackoffConfig, ClientOptions, ObjectStore, ObjectStoreExt, PutOptions,
    PutPayload, RetryConfig,
};

use super::{url_for, valid_key, FileStore};
use crate::{Error, Result};

#[derive(Clone, Debug)]
pub struct S3Settings {
    pub bucket: String,
    /// An S3-compatible server's address; None: AWS itself.
    pub endpoint: Option<String>,
    pub region: String,
    /// None: credentials from the environment (`AWS_*`, an instance role).
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    /// What URLs start with (a CDN); None: the bucket's own address.
    pub public_url: Option<String>,
}

impl S3Settings {
    /// The bucket's own address, path-style on a custom endpoint.
    pub fn bucket_url(&self) -> String {
        match &self.endpoint {
            Some(e) => format!("{}/{}", e.trim_end_matches('/'), self.bucket),
            None => format!("https://{}.s3.{}.amazonaws.com", self.bucket, self.region),
        }
    }
}

pub struct ObjectFiles {
    store: AmazonS3,
    base: String,
}

fn storage_error(e: object_store::Error) -> Error {
    Error::unavailable("file storage", e)
}

/// Uploads are re-encoded images (and their thumbnails).
fn content_type(key: &str) -> &'static str {
    match key
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .as_deref()
    {
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        Some("gif") => "image/gif",
        Some("svg") => "image/svg+xml",
        Some("csv") => "text/csv",
        _ => "application/octet-stream",
    }
}

impl ObjectFiles {
    pub fn new(settings: &S3Settings) -> Result<Self> {
        // A staff upload waits on this: a storage outage answers within
        // seconds ("try again"), not after the default three minutes.
        let retry = RetryConfig {
            backoff: BackoffConfig::default(),
            max_retries: 2,
            retry_timeout: Duration::from_secs(10),
        };
        let client = ClientOptions::new()
            .with_connect_timeout(Duration::from_secs(3))
            .with_timeout(Duration::from_secs(30));
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(&settings.bucket)
            .with_region(&settings.region)
            .with_retry(retry)
            .with_client_options(client);
        if let Some(endpoint) = &settings.endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        if let (Some(id), Some(secret)) = (&settings.access_key_id, &settings.secret_access_key) {
            builder = builder
                .with_access_key_id(id)
                .with_secret_access_key(secret);
        }
        let store = builder
            .build()
            .map_err(|e| Error::internal(format!("object storage settings: {e}")))?;
        let base = settings
            .public_url
            .clone()
            .unwrap_or_else(|| settings.bucket_url());
        Ok(Self {
            store,
            base: base.trim_end_matches('/').to_owned(),
        })
    }

    fn path(key: &str) -> Result<Path> {
        if !valid_key(key) {
            return Err(Error::internal(format!("bad file key {key:?}")));
        }
        Path::parse(key).map_err(|e| Error::internal(format!("bad file key {key:?}: {e}")))
    }
}

#[async_trait]
impl FileStore for ObjectFiles {
    async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<String> {
        let path = Self::path(key)?;
        let attributes = Attributes::from_iter([
            (Attribute::ContentType, content_type(key)),
            (
                Attribute::CacheControl,
                "public, max-age=31536000, immutable",
            ),
        ]);
        let options = PutOptions {
            attributes,
            ..PutOptions::default()
        };
        self.store
            .put_opts(&path, PutPayload::from(bytes), options)
            .await
            .map_err(storage_error)?;
        Ok(url_for(&self.base, key))
    }

    async fn delete(&self, key: &str) -> Result<()> {
        match self.store.delete(&Self::path(key)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(storage_error(e)),
        }
    }

    fn public_base(&self) -> &str {
        &self.base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_carry_their_type() {
        assert_eq!(content_type("products/ab12.JPG"), "image/jpeg");
        assert_eq!(content_type("products/ab12-thumb.webp"), "image/webp");
        assert_eq!(content_type("products/noext"), "application/octet-stream");
    }

    #[test]
    fn the_bucket_address_is_path_style_on_an_endpoint() {
        let mut s = S3Settings {
            bucket: "shop".into(),
            endpoint: Some("http://127.0.0.1:9000/".into()),
            region: "eu-west-1".into(),
            access_key_id: None,
            secret_access_key: None,
            public_url: None,
        };
        assert_eq!(s.bucket_url(), "http://127.0.0.1:9000/shop");
        s.endpoint = None;
        assert_eq!(s.bucket_url(), "https://shop.s3.eu-west-1.amazonaws.com");
    }
}
