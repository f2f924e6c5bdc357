//! Files in a local folder (`<data dir>/uploads/`), published under `/uploads`
//! or a CDN in front of it. Several instances share that folder on a
//! common volume, or use [`super::ObjectFiles`].
use std::path::{Path, PathBuf};

use async_trait::async_trait;

use super::{url_for, valid_key, FileStore};
use crate::{Error, Result};

pub struct LocalFiles {
    root: PathBuf,
    base: String,
}

impl LocalFiles {
    /// `base`: what URLs start with (`/uploads`, or a CDN's address).
    pub fn new(root: impl Into<PathBuf>, base: &str) -> Self {
        Self {
            root: root.into(),
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    /// Keys are ours, but a path that climbs out of the root is refused anyway.
    fn path(&self, key: &str) -> Result<PathBuf> {
        if !valid_key(key) {
            return Err(Error::internal(format!("bad file key {key:?}")));
        }
        Ok(self.root.join(Path::new(key)))
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
        Ok(url_for(&self.base, key))
    }

    async fn delete(&self, key: &str) -> Result<()> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }

    fn public_base(&self) -> &str {
        &self.base
    }
}
