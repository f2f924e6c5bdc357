//! The shop's secret key, which seals secrets at rest (TOTP seeds).
//! `MERCATO_SECRET_KEY` when set. A shop on this machine only (a loopback
//! public URL: the demo, a laptop) may do without: a key is generated into
//! `<data dir>/secret.key` (owner-only) and printed once. A shop on a public
//! address refuses to start without one — several instances must share it.
use std::io::Write as _;
use std::path::Path;

use anyhow::{bail, Context as _};
use domain::secrets::SecretBox;

use crate::commerce_config::is_loopback_url;
use crate::config::Config;

pub const FILE: &str = "secret.key";

pub fn resolve(config: &Config) -> anyhow::Result<SecretBox> {
    if let Some(key) = &config.security.secret_key {
        return SecretBox::from_key(key).map_err(|e| anyhow::anyhow!("MERCATO_SECRET_KEY: {e}"));
    }
    if !is_loopback_url(&config.public_url) {
        bail!(
            "MERCATO_SECRET_KEY must be set for a shop at {} (32 random bytes in base64; `mercato secret-key` makes one)",
            config.public_url
        );
    }
    let path = config.data_dir.join(FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            SecretBox::from_key(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => generate(&path),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

fn generate(path: &Path) -> anyhow::Result<SecretBox> {
    let key = SecretBox::new_key();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut file = owner_only(path).with_context(|| format!("creating {}", path.display()))?;
    file.write_all(key.as_bytes())?;
    // Once, on the terminal, not in the logs.
    eprintln!(
        "mercato: generated the shop's secret key in {} (shown once; to move this shop, set MERCATO_SECRET_KEY={key})",
        path.display()
    );
    SecretBox::from_key(&key).map_err(|e| anyhow::anyhow!(e))
}

#[cfg(unix)]
fn owner_only(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn owner_only(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}
