//! `mercato backup` and `mercato restore`: the database and the uploaded
//! files, into a directory and back.
//!
//! - SQLite: `VACUUM INTO`, a consistent copy taken while the shop keeps
//!   serving; restored by putting the file back, with the shop stopped.
//! - PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore`
//!   (PostgreSQL's client tools on PATH). The password travels in
//!   `PGPASSWORD`, not on a command line others can read.
//! - The uploads folder, file by file, and the generated `secret.key` when
//!   there is one (it seals two-factor secrets stored in the database).
//!
//! A backup holds password hashes and customers' data: keep it as safe as
//! the database.
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context as _};
use sea_orm::ConnectionTrait as _;
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::secret_key::FILE as SECRET_KEY;

/// The file that says a directory holds a backup, and of what.
pub const MANIFEST: &str = "mercato-backup.json";
const SQLITE_FILE: &str = "mercato.db";
const PG_FILE: &str = "mercato.pgdump";
const UPLOADS: &str = "uploads";

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub format: u32,
    /// `sqlite` or `postgres`.
    pub database: String,
    pub created_at: String,
    /// Uploaded files copied.
    pub files: u64,
}

enum Database {
    Sqlite(PathBuf),
    Postgres(String),
}

fn database(config: &Config) -> anyhow::Result<Database> {
    if let Some(path) = domain::db::sqlite_path(&config.database_url) {
        return Ok(Database::Sqlite(PathBuf::from(path)));
    }
    if config.database_url.starts_with("postgres://")
        || config.database_url.starts_with("postgresql://")
    {
        return Ok(Database::Postgres(config.database_url.clone()));
    }
    bail!("MERCATO_DATABASE_URL is neither SQLite nor PostgreSQL")
}

/// Writes a backup of the shop into `to`, which must not hold one already.
pub async fn backup(config: &Config, to: &Path) -> anyhow::Result<Manifest> {
    if to.join(MANIFEST).exists() {
        bail!(
            "{} already holds a backup; choose an empty folder",
            to.display()
        );
    }
    private_dir(to)?;
    let kind = match database(config)? {
        Database::Sqlite(path) => {
            // `connect` would create a missing file, and back up nothing.
            if !path.is_file() {
                bail!("no SQLite database at {}", path.display());
            }
            let target = std::path::absolute(to.join(SQLITE_FILE))?;
            let Some(target) = target.to_str() else {
                bail!("the backup folder's path is not UTF-8");
            };
            let db = domain::db::connect(&config.database_url, 1).await?;
            // Bound, not spliced: no quoting, and no `file:` URI reading.
            db.execute_raw(sea_orm::Statement::from_sql_and_values(
                db.get_database_backend(),
                "VACUUM INTO $1",
                [target.into()],
            ))
            .await
            .context("copying the SQLite database")?;
            db.close().await?;
            private_file(Path::new(target))?;
            "sqlite"
        }
        Database::Postgres(url) => {
            let (url, password) = split_password(&url);
            let file = to.join(PG_FILE);
            run(Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--file"])
                .arg(&file)
                .arg("--dbname")
                .arg(url)
                .envs(password.map(|p| ("PGPASSWORD", p))))
            .context("pg_dump (PostgreSQL's client tools must be on PATH)")?;
            private_file(&file)?;
            "postgres"
        }
    };
    let files = copy_tree(&config.uploads_dir(), &to.join(UPLOADS))?;
    let key = config.data_dir.join(SECRET_KEY);
    if key.exists() {
        std::fs::copy(&key, to.join(SECRET_KEY)).context("copying secret.key")?;
        private_file(&to.join(SECRET_KEY))?;
    }
    let manifest = Manifest {
        format: 1,
        database: kind.into(),
        created_at: time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        files,
    };
    std::fs::write(to.join(MANIFEST), serde_json::to_vec_pretty(&manifest)?)
        .context("writing the manifest")?;
    Ok(manifest)
}

/// Puts the backup in `from` back. The shop must be stopped. Refuses to
/// replace a database that has data unless `force`.
pub async fn restore(config: &Config, from: &Path, force: bool) -> anyhow::Result<Manifest> {
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(from.join(MANIFEST))
            .with_context(|| format!("{} holds no backup ({MANIFEST})", from.display()))?,
    )
    .context("reading the manifest")?;
    if manifest.format != 1 {
        bail!(
            "this backup's format ({}) is newer than this mercato",
            manifest.format
        );
    }
    match (database(config)?, manifest.database.as_str()) {
        (Database::Sqlite(path), "sqlite") => {
            if !force && path.exists() && std::fs::metadata(&path)?.len() > 0 {
                bail!(
                    "{} exists; stop the shop and pass --force to replace it",
                    path.display()
                );
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            // The copy lands beside the database first; only a complete copy
            // replaces it, and the replaced one is kept.
            let incoming = PathBuf::from(format!("{}.restoring", path.display()));
            std::fs::copy(from.join(SQLITE_FILE), &incoming)
                .context("copying the backup's SQLite file")?;
            std::fs::File::open(&incoming)?.sync_all()?;
            for suffix in ["", "-wal", "-shm"] {
                let old = PathBuf::from(format!("{}{suffix}", path.display()));
                if old.exists() {
                    std::fs::rename(&old, format!("{}.pre-restore", old.display()))?;
                }
            }
            std::fs::rename(&incoming, &path).context("putting the SQLite file in place")?;
        }
        (Database::Postgres(url), "postgres") => {
            let db = domain::db::connect(&url, 1).await?;
            let tables = db
                .query_one_raw(sea_orm::Statement::from_string(
                    db.get_database_backend(),
                    "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
                ))
                .await?
                .map(|row| row.try_get::<i64>("", "n"))
                .transpose()?
                .unwrap_or_default();
            db.close().await?;
            if tables > 0 && !force {
                bail!("the database has tables; stop the shop and pass --force to replace them");
            }
            let (url, password) = split_password(&url);
            run(Command::new("pg_restore")
                .args([
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "--exit-on-error",
                    "--dbname",
                ])
                .arg(url)
                .arg(from.join(PG_FILE))
                .envs(password.map(|p| ("PGPASSWORD", p))))
            .context("pg_restore (PostgreSQL's client tools must be on PATH)")?;
        }
        (_, other) => {
            bail!("this backup is of a {other} database; MERCATO_DATABASE_URL names the other kind")
        }
    }
    let uploads = config.uploads_dir();
    if force && uploads.exists() {
        std::fs::remove_dir_all(&uploads).context("clearing the uploads folder")?;
    }
    copy_tree(&from.join(UPLOADS), &uploads)?;
    let key = from.join(SECRET_KEY);
    let here = config.data_dir.join(SECRET_KEY);
    if key.exists() {
        if here.exists() {
            // Another key would leave the restored 2FA secrets unreadable.
            std::fs::rename(
                &here,
                config.data_dir.join(format!("{SECRET_KEY}.pre-restore")),
            )?;
        }
        std::fs::create_dir_all(&config.data_dir)?;
        std::fs::copy(&key, &here).context("restoring secret.key")?;
        private_file(&here)?;
    }
    Ok(manifest)
}

/// Backups hold password hashes and customers' data: owner-only.
fn private_dir(dir: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    Ok(())
}

fn private_file(file: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))?;
    Ok(())
}

fn run(command: &mut Command) -> anyhow::Result<()> {
    let out = command.output()?;
    if !out.status.success() {
        bail!("{}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(())
}

/// The URL without its password, and the password (percent-decoded).
fn split_password(url: &str) -> (String, Option<String>) {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return (url.to_owned(), None);
    };
    let password = parsed.password().map(|p| {
        percent_encoding::percent_decode_str(p)
            .decode_utf8_lossy()
            .into_owned()
    });
    if password.is_some() && parsed.set_password(None).is_err() {
        return (url.to_owned(), None);
    }
    (parsed.into(), password)
}

/// Copies every file under `from` into `to` (created); returns how many.
/// A missing `from` copies nothing.
fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<u64> {
    if !from.exists() {
        return Ok(0);
    }
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    let mut files = 0;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            files += copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
            files += 1;
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_leaves_the_url() {
        assert_eq!(
            split_password("postgres://shop:p%40ss:word@db:5432/mercato?sslmode=require"),
            (
                "postgres://shop@db:5432/mercato?sslmode=require".to_owned(),
                Some("p@ss:word".to_owned())
            )
        );
        assert_eq!(
            split_password("postgres://db/mercato"),
            ("postgres://db/mercato".to_owned(), None)
        );
    }
}
