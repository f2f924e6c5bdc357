//! The files port: where uploaded files live and the URL they are shown
//! at. [`LocalFiles`] (the default) keeps them under `<data dir>/uploads/`,
//! served at `/uploads/`; [`ObjectFiles`] puts them in an S3-compatible
//! bucket. Either publishes under a base URL that may be a CDN in front.
mod local;
mod s3;

use async_trait::async_trait;

use crate::Result;

pub use local::LocalFiles;
pub use s3::{ObjectFiles, S3Settings};

#[async_trait]
pub trait FileStore: Send + Sync {
    /// Stores `bytes` at `key` (a relative path like `products/ab12.jpg`)
    /// and returns the public URL.
    async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<String>;
    async fn delete(&self, key: &str) -> Result<()>;
    /// The base every URL this store hands out starts with (no trailing
    /// slash): `/uploads`, a bucket's address or a CDN's.
    fn public_base(&self) -> &str;

    /// The key behind a URL this store handed out; None for any other URL
    /// (a demo drawing, a file of another store).
    fn key_of(&self, url: &str) -> Option<String> {
        let key = url.strip_prefix(self.public_base())?.strip_prefix('/')?;
        valid_key(key).then(|| key.to_owned())
    }
}

/// A relative path of plain segments: nothing that climbs out, no empty
/// or hidden parts.
fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != ".." && !s.contains('\\'))
}

/// `base` + `/` + `key`, whatever slashes `base` ends with.
fn url_for(base: &str, key: &str) -> String {
    format!("{}/{key}", base.trim_end_matches('/'))
}
