//! The default search engine: tantivy, in-process, under `data/search/`.
//!
//! Each build of the index lives in its own folder (`index-<nanos>`); the
//! file `CURRENT` names the live one. A rebuild (`mercato search reindex`,
//! possibly from another process) fills a new folder and then replaces
//! `CURRENT` with one rename, so searches never see a half-built index.
//! Every operation re-reads `CURRENT` (a tiny file) and reopens when it
//! changed. A folder whose `mercato-schema` file is missing or older than
//! [`SCHEMA_VERSION`] is rebuilt at startup.
mod query;
mod schema;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use tantivy::schema::Schema;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::document::SCHEMA_VERSION;
use super::{text, EngineQuery, EngineResult, Rebuild, SearchDoc, SearchIndex};
use crate::blocking::Work;
use crate::{Error, Result};
use model::Locale;
use schema::Fields;

const CURRENT: &str = "CURRENT";
const VERSION_FILE: &str = "mercato-schema";
const WRITER_MEMORY: usize = 15_000_000;

#[derive(Clone)]
pub struct EmbeddedIndex(Arc<Inner>);

struct Inner {
    root: PathBuf,
    live: Mutex<Option<Arc<Live>>>,
}

struct Live {
    name: String,
    index: Index,
    reader: IndexReader,
    schema: Schema,
    fields: Fields,
    writer: Mutex<Option<IndexWriter>>,
}

fn engine_error(e: impl std::fmt::Display) -> Error {
    Error::internal(format!("search index: {e}"))
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data behind; keep serving.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Live {
    fn open(dir: &Path, name: String) -> Result<Self> {
        let index = Index::open_in_dir(dir).map_err(engine_error)?;
        let schema = index.schema();
        if schema != schema::build() {
            return Err(engine_error("schema differs from this version's"));
        }
        let fields = Fields::of(&schema).map_err(engine_error)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(engine_error)?;
        Ok(Self {
            name,
            index,
            reader,
            schema,
            fields,
            writer: Mutex::new(None),
        })
    }

    /// Runs `f` with this folder's writer (opened on first use), commits
    /// and makes the change visible to searches.
    fn write(
        &self,
        f: impl FnOnce(&mut IndexWriter, &Schema, &Fields) -> Result<()>,
    ) -> Result<()> {
        let mut guard = lock(&self.writer);
        if guard.is_none() {
            *guard = Some(
                self.index
                    .writer_with_num_threads(1, WRITER_MEMORY)
                    .map_err(engine_error)?,
            );
        }
        let writer = guard.as_mut().ok_or_else(|| engine_error("no writer"))?;
        f(writer, &self.schema, &self.fields)?;
        writer.commit().map_err(engine_error)?;
        self.reader.reload().map_err(engine_error)
    }
}

/// A serving process's hold on an index folder, released when dropped or
/// when the process ends (however it ends: the kernel drops the lock).
pub struct FolderClaim(#[allow(dead_code)] std::fs::File);

impl EmbeddedIndex {
    /// Claims the folder for one serving process. Two processes writing one
    /// tantivy folder would each miss the other's commits, so a second is
    /// refused with what to do instead.
    pub fn claim(root: &Path) -> Result<FolderClaim> {
        std::fs::create_dir_all(root)?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join("instance.lock"))?;
        match file.try_lock() {
            Ok(()) => Ok(FolderClaim(file)),
            Err(std::fs::TryLockError::WouldBlock) => Err(Error::Conflict(format!(
                "another running instance uses the embedded search index in {}: give every \
                 instance its own MERCATO_DATA_DIR (each keeps its own index and follows the \
                 others' changes), or share one Meilisearch (MERCATO_MEILISEARCH_URL)",
                root.display()
            ))),
            Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
        }
    }

    /// When the live index last took a write (its commit file changed).
    pub fn written_at(root: &Path) -> Option<std::time::SystemTime> {
        let name = std::fs::read_to_string(root.join(CURRENT)).ok()?;
        std::fs::metadata(root.join(name.trim()).join("meta.json"))
            .and_then(|m| m.modified())
            .ok()
    }

    /// The index under `root` (e.g. `data/search`); nothing is read yet.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self(Arc::new(Inner {
            root: root.into(),
            live: Mutex::new(None),
        }))
    }

    fn current_name(&self) -> Option<String> {
        std::fs::read_to_string(self.0.root.join(CURRENT))
            .ok()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    }

    fn version_ok(&self, name: &str) -> bool {
        std::fs::read_to_string(self.0.root.join(name).join(VERSION_FILE))
            .ok()
            .and_then(|v| v.trim().parse::<u32>().ok())
            == Some(SCHEMA_VERSION)
    }

    fn live(&self) -> Result<Arc<Live>> {
        let name = self
            .current_name()
            .ok_or_else(|| Error::unavailable("search", "the search index has not been built"))?;
        let mut guard = lock(&self.0.live);
        if let Some(live) = guard.as_ref().filter(|l| l.name == name) {
            return Ok(live.clone());
        }
        let live = Arc::new(Live::open(&self.0.root.join(&name), name)?);
        *guard = Some(live.clone());
        Ok(live)
    }

    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(EmbeddedIndex) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let this = self.clone();
        crate::blocking::run(Work::Search, move || f(this)).await?
    }
}

#[async_trait]
impl SearchIndex for EmbeddedIndex {
    fn kind(&self) -> &'static str {
        "embedded"
    }

    async fn prepare(&self) -> Result<bool> {
        self.blocking(|this| {
            std::fs::create_dir_all(&this.0.root)?;
            let Some(name) = this.current_name() else {
                return Ok(true);
            };
            if !this.version_ok(&name) {
                tracing::info!(index = %name, "search index is from an older version; rebuilding");
                return Ok(true);
            }
            match this.live() {
                Ok(_) => Ok(false),
                Err(e) => {
                    tracing::warn!(error = %e, "search index unreadable; rebuilding");
                    Ok(true)
                }
            }
        })
        .await
    }

    async fn upsert(&self, docs: Vec<SearchDoc>) -> Result<()> {
        self.blocking(move |this| {
            this.live()?.write(|writer, schema, fields| {
                for d in &docs {
                    writer.delete_term(Term::from_field_i64(fields.id, i64::from(d.id)));
                    let doc: TantivyDocument =
                        schema::to_document(schema, fields, d).map_err(engine_error)?;
                    writer.add_document(doc).map_err(engine_error)?;
                }
                Ok(())
            })
        })
        .await
    }

    async fn remove(&self, ids: Vec<i32>) -> Result<()> {
        self.blocking(move |this| {
            this.live()?.write(|writer, _, fields| {
                for id in &ids {
                    writer.delete_term(Term::from_field_i64(fields.id, i64::from(*id)));
                }
                Ok(())
            })
        })
        .await
    }

    async fn search(&self, q: EngineQuery) -> Result<EngineResult> {
        self.blocking(move |this| {
            let live = this.live()?;
            let searcher = live.reader.searcher();
            query::run(&searcher, &live.schema, &live.fields, &q).map_err(engine_error)
        })
        .await
    }

    async fn vocabulary_near(&self, word: String, locale: Locale) -> Result<Vec<(String, u64)>> {
        self.blocking(move |this| {
            let live = this.live()?;
            let searcher = live.reader.searcher();
            let mut found: BTreeMap<String, u64> = BTreeMap::new();
            for name in crate::search::document::vocabulary_in(locale) {
                let field = live.schema.get_field(&name).map_err(engine_error)?;
                for segment in searcher.segment_readers() {
                    let inverted = segment.inverted_index(field).map_err(engine_error)?;
                    let mut terms = inverted.terms().stream()?;
                    while terms.advance() {
                        let Ok(term) = std::str::from_utf8(terms.key()) else {
                            continue;
                        };
                        if text::distance(&word, term) <= 3 {
                            *found.entry(term.to_owned()).or_default() +=
                                u64::from(terms.value().doc_freq);
                        }
                    }
                }
            }
            Ok(found.into_iter().collect())
        })
        .await
    }

    async fn begin_rebuild(&self) -> Result<Box<dyn Rebuild>> {
        self.blocking(|this| {
            std::fs::create_dir_all(&this.0.root)?;
            let nanos = time::OffsetDateTime::now_utc().unix_timestamp_nanos();
            let name = format!("index-{nanos}");
            let dir = this.0.root.join(&name);
            std::fs::create_dir_all(&dir)?;
            let schema = schema::build();
            let index = Index::create_in_dir(&dir, schema.clone()).map_err(engine_error)?;
            let fields = Fields::of(&schema).map_err(engine_error)?;
            let writer = index
                .writer_with_num_threads(1, WRITER_MEMORY)
                .map_err(engine_error)?;
            let rebuild: Box<dyn Rebuild> = Box::new(EmbeddedRebuild {
                this: this.clone(),
                name,
                schema,
                fields,
                writer: Some(writer),
            });
            Ok(rebuild)
        })
        .await
    }

    async fn health(&self) -> Result<()> {
        self.blocking(|this| this.live().map(|_| ())).await
    }
}

struct EmbeddedRebuild {
    this: EmbeddedIndex,
    name: String,
    schema: Schema,
    fields: Fields,
    writer: Option<IndexWriter>,
}

impl EmbeddedRebuild {
    fn switch(self) -> Result<()> {
        let root = &self.this.0.root;
        std::fs::write(
            root.join(&self.name).join(VERSION_FILE),
            SCHEMA_VERSION.to_string(),
        )?;
        let tmp = root.join(format!("{CURRENT}.{}", self.name));
        std::fs::write(&tmp, &self.name)?;
        std::fs::rename(&tmp, root.join(CURRENT))?;
        // Older builds are no longer named by CURRENT; a process still
        // holding one reopens at its next operation.
        for entry in std::fs::read_dir(root)?.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if file_name.starts_with("index-") && file_name != self.name {
                if let Err(e) = std::fs::remove_dir_all(entry.path()) {
                    tracing::warn!(error = %e, dir = %file_name, "could not remove an old search index");
                }
            }
        }
        Ok(())
    }
}

#[async_trait]
impl Rebuild for EmbeddedRebuild {
    async fn add(&mut self, docs: Vec<SearchDoc>) -> Result<()> {
        let writer = self
            .writer
            .as_mut()
            .ok_or_else(|| engine_error("rebuild already finished"))?;
        for d in &docs {
            let doc = schema::to_document(&self.schema, &self.fields, d).map_err(engine_error)?;
            writer.add_document(doc).map_err(engine_error)?;
        }
        Ok(())
    }

    async fn finish(mut self: Box<Self>) -> Result<()> {
        let mut writer = self
            .writer
            .take()
            .ok_or_else(|| engine_error("rebuild already finished"))?;
        tokio::task::spawn_blocking(move || {
            writer.commit().map_err(engine_error)?;
            writer.wait_merging_threads().map_err(engine_error)?;
            self.switch()
        })
        .await
        .map_err(engine_error)?
    }
}
