//! The search port, timed: wraps whichever engine is configured and
//! reports each call's duration and failures to [`Metrics`].
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use async_trait::async_trait;
use domain::search::{EngineQuery, EngineResult, Rebuild, SearchDoc, SearchIndex};
use domain::Result;

use super::Metrics;

pub struct Observed {
    inner: Arc<dyn SearchIndex>,
    metrics: Metrics,
}

impl Observed {
    pub fn wrap(inner: Arc<dyn SearchIndex>, metrics: Metrics) -> Arc<dyn SearchIndex> {
        Arc::new(Self { inner, metrics })
    }

    async fn timed<T>(
        &self,
        operation: &'static str,
        call: impl Future<Output = Result<T>>,
    ) -> Result<T> {
        let started = Instant::now();
        let result = call.await;
        self.metrics.observe_search(
            self.inner.kind(),
            operation,
            started.elapsed(),
            result.is_err(),
        );
        result
    }
}

#[async_trait]
impl SearchIndex for Observed {
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }

    async fn prepare(&self) -> Result<bool> {
        self.inner.prepare().await
    }

    async fn upsert(&self, docs: Vec<SearchDoc>) -> Result<()> {
        self.timed("upsert", self.inner.upsert(docs)).await
    }

    async fn remove(&self, ids: Vec<i32>) -> Result<()> {
        self.timed("remove", self.inner.remove(ids)).await
    }

    async fn search(&self, query: EngineQuery) -> Result<EngineResult> {
        self.timed("search", self.inner.search(query)).await
    }

    async fn vocabulary_near(
        &self,
        word: String,
        locale: model::Locale,
    ) -> Result<Vec<(String, u64)>> {
        self.timed("suggest", self.inner.vocabulary_near(word, locale))
            .await
    }

    async fn begin_rebuild(&self) -> Result<Box<dyn Rebuild>> {
        self.inner.begin_rebuild().await
    }

    async fn health(&self) -> Result<()> {
        self.timed("health", self.inner.health()).await
    }
}
