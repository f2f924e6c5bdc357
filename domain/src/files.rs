//! The files port: where uploaded files live. The embedded default writes
//! under `<data dir>/uploads/` (served at `/uploads/`); several instances
//! share that folder on a common volume.
use std::path::{Component, Path, PathBuf};

use async_trait::async_trait;

use crate::{Error, Result};

#[async_trait]
pub trait FileStore: Send + Sync {
    /// Stores `bytes` at `key` (a relative path like `products/ab12.jpg`)
    /// and returns the public URL.
    async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<String>;
    async fn delete(&self, key: &str) -> Result<()>;
}

/// Files in a local folder, published under a URL prefix.
pub struct LocalFiles {
    root: PathBuf,
    url_prefix: String,
}

impl LocalFiles {
    pub fn new(root: impl Into<PathBuf>, url_prefix: &str) -> Self {
        Self {
            root: root.into(),
            url_prefix: url_prefix.trim_end_matches('/').to_owned(),
        }
    }

    /// Keys are ours, but a path that climbs out of the root is refused anyway.
    fn path(&self, key: &str) -> Result<PathBuf> {
        let rel = Path::new(key);
        if key.is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(Error::internal(format!("bad file key {key:?}")));
        }
        Ok(self.root.join(rel))
    }
}

#[async_trait]
impl FileStore for LocalFiles {
    async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<String> {
        let path = self.path(key)?;
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await?;
        }
        // Write then rename, so a reader never sees half a file.
        let tmp = path.with_extension("part");
        tokio::fs::write(&tmp, bytes).await?;
        tokio::fs::rename(&tmp, &path).await?;
        Ok(format!("{}/{key}", self.url_prefix))
    }

    async fn delete(&self, key: &str) -> Result<()> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }
}
