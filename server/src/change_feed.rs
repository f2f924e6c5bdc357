//! Following the change feed: every instance reads the rows other writers
//! (and its own) appended, refreshes its copy of the store profile and
//! evicts the cached pages the changes affect. A poll every
//! [`POLL_EVERY`] keeps every instance within a second of any write; after
//! a request that may have written, the instance reads the feed before
//! answering, so its next request already sees the change. On PostgreSQL
//! the triggers also `NOTIFY mercato_changes` at commit, which wakes the
//! follower at once.
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use domain::changes::{Batch, Change, Follower};
use sea_orm::DatabaseConnection;

use crate::http::fast_lane::PageCache;

pub const POLL_EVERY: Duration = Duration::from_millis(200);
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

struct Inner {
    follower: tokio::sync::Mutex<Follower>,
    /// Polls begun: a caller that finds one began after its write knows
    /// that poll saw it.
    polls: AtomicU64,
    pages: Option<PageCache>,
    store: domain::store::Store,
    /// Every catalog handle holding a copy of the category tree.
    catalogs: Vec<domain::catalog::Catalog>,
    /// Signed-in users and (through its epochs) sessions held in memory.
    accounts: Arc<domain::accounts::held::HeldAccounts>,
    /// This instance's own search index (the embedded engine), kept in
    /// step with what the other instances indexed.
    index: Option<domain::search::Search>,
    /// An update of that index failed: the next batch rebuilds it.
    index_behind: AtomicBool,
    db: DatabaseConnection,
    wake: tokio::sync::Notify,
}

#[derive(Clone)]
pub struct Feed(Arc<Inner>);

impl Feed {
    pub async fn start(
        db: DatabaseConnection,
        pages: Option<PageCache>,
        store: domain::store::Store,
        catalogs: Vec<domain::catalog::Catalog>,
        accounts: Arc<domain::accounts::held::HeldAccounts>,
        index: Option<domain::search::Search>,
    ) -> domain::Result<Self> {
        Ok(Self(Arc::new(Inner {
            follower: tokio::sync::Mutex::new(Follower::start(db.clone()).await?),
            polls: AtomicU64::new(0),
            pages,
            store,
            catalogs,
            accounts,
            index,
            index_behind: AtomicBool::new(false),
            db,
            wake: tokio::sync::Notify::new(),
        })))
    }

    /// Reads the feed unless a poll that began after this call already did.
    pub async fn catch_up(&self) {
        let ticket = self.0.polls.load(Ordering::Acquire);
        let mut follower = self.0.follower.lock().await;
        if self.0.polls.load(Ordering::Acquire) > ticket {
            return;
        }
        self.poll(&mut follower).await;
    }

    async fn poll(&self, follower: &mut Follower) {
        self.0.polls.fetch_add(1, Ordering::AcqRel);
        match follower.poll().await {
            Ok(batch) => self.apply(batch).await,
            Err(e) => tracing::warn!(error = %e, "change feed: could not read; trying again"),
        }
    }

    async fn apply(&self, mut batch: Batch) {
        // Accounts first: the answer to a sign-out must not find the
        // session still held. No page shows them.
        if batch.overflow {
            self.0.accounts.forget_all();
        }
        batch.changes.retain(|c| match c {
            Change::Account(user) => {
                self.0.accounts.forget(*user);
                false
            }
            _ => true,
        });
        // Held copies first: a page rendered after the eviction must not
        // read the old name.
        if batch.overflow || batch.changes.contains(&Change::Store) {
            if let Err(e) = self.0.store.refresh().await {
                tracing::warn!(error = %e, "change feed: could not reload the store profile");
            }
        }
        if batch.overflow
            || batch
                .changes
                .iter()
                .any(|c| matches!(c, Change::Category(_)))
        {
            for catalog in &self.0.catalogs {
                catalog.forget_tree();
            }
        }
        // Counts, shelves, carts and wishlists show products, their
        // category and their price in the shop's currency: anything but a
        // search row moves them.
        if batch.overflow
            || batch
                .changes
                .iter()
                .any(|c| !matches!(c, Change::Search(_)))
        {
            for catalog in &self.0.catalogs {
                catalog.forget_listings();
            }
            self.0.accounts.forget_priced();
        }
        // Before the eviction: a search page rendered after it must find
        // the new documents.
        if let Some(index) = &self.0.index {
            let behind = self.0.index_behind.load(Ordering::Acquire);
            let ok = follow_index(index, &batch, behind).await;
            self.0.index_behind.store(!ok, Ordering::Release);
        }
        if let Some(pages) = &self.0.pages {
            pages.evict(&batch.changes, batch.overflow);
        }
    }

    /// Polls until the task is dropped; prunes old rows now and then.
    pub async fn follow(self) {
        let mut tick = tokio::time::interval(POLL_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut pruned = tokio::time::Instant::now();
        let _listener = (self.0.db.get_database_backend() == sea_orm::DatabaseBackend::Postgres)
            .then(|| AbortOnDrop(tokio::spawn(self.clone().listen())));
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                () = self.0.wake.notified() => {}
            }
            {
                let mut follower = self.0.follower.lock().await;
                self.poll(&mut follower).await;
            }
            if pruned.elapsed() >= PRUNE_EVERY {
                pruned = tokio::time::Instant::now();
                if let Err(e) = domain::changes::prune(&self.0.db).await {
                    tracing::warn!(error = %e, "change feed: could not prune old rows");
                }
            }
        }
    }

    /// Wakes the follower on every PostgreSQL notification; reconnects after
    /// a lost connection (the poll covers the gap).
    async fn listen(self) {
        loop {
            let pool = self.0.db.get_postgres_connection_pool();
            match sqlx::postgres::PgListener::connect_with(pool).await {
                Ok(mut listener) => match listener.listen("mercato_changes").await {
                    Ok(()) => {
                        while listener.recv().await.is_ok() {
                            self.0.wake.notify_one();
                        }
                        tracing::warn!("change feed: notifications lost; listening again");
                    }
                    Err(e) => tracing::warn!(error = %e, "change feed: cannot LISTEN"),
                },
                Err(e) => tracing::warn!(error = %e, "change feed: cannot connect to LISTEN"),
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

/// Applies what another instance indexed to this instance's own index: the
/// products it names, or everything when the feed cannot say which (or
/// an earlier update failed). False when this update failed.
async fn follow_index(index: &domain::search::Search, batch: &Batch, behind: bool) -> bool {
    let whole = behind || batch.overflow || batch.changes.contains(&Change::Search(None));
    let products: Vec<i32> = batch
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Search(Some(id)) => Some(*id),
            _ => None,
        })
        .collect();
    let result = if whole {
        index.rebuild(&|_, _| {}).await.map(|_| ())
    } else if products.is_empty() {
        return true;
    } else {
        index
            .apply(&domain::search::sync::IndexProducts {
                product_ids: products,
            })
            .await
    };
    match result {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(error = %e, whole, "change feed: could not update this instance's search index; rebuilding it next");
            false
        }
    }
}

/// An own index may have missed what other instances indexed while this
/// one was down. It takes in again every product the change feed says was
/// indexed (a day of it); one older than that, or when the feed names the
/// whole index, is rebuilt. From here on the feed follower keeps it in step.
pub async fn catch_up_own_index(
    db: &DatabaseConnection,
    search: &domain::search::Search,
    dir: &std::path::Path,
) -> anyhow::Result<()> {
    let age =
        domain::search::embedded::EmbeddedIndex::written_at(dir).and_then(|at| at.elapsed().ok());
    let recent = match age {
        Some(age) if age < domain::changes::KEEP => domain::changes::indexed_lately(db)
            .await
            .map_err(|e| anyhow::anyhow!("reading the change feed: {e}"))?,
        _ => None,
    };
    let result = match recent {
        Some(ids) => {
            let mut done = Ok(());
            for chunk in ids.chunks(200) {
                let msg = domain::search::sync::IndexProducts {
                    product_ids: chunk.to_vec(),
                };
                done = search.apply(&msg).await;
                if done.is_err() {
                    break;
                }
            }
            done
        }
        None => {
            tracing::info!("search index may have missed changes; rebuilding it");
            search.rebuild(&|_, _| {}).await.map(|_| ())
        }
    };
    result.map_err(|e| anyhow::anyhow!("bringing the search index up to date: {e}"))
}

/// The notification task lives as long as the follower.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
