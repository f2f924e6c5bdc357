//! The scale-out search engine: Meilisearch through meilisearch-sdk.
//! Settings are applied at startup (idempotent: Meilisearch only re-indexes
//! when they change) and every write waits for its task, so the outbox
//! marks an update done only once Meilisearch has applied it.
use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use async_trait::async_trait;
use meilisearch_sdk::client::{Client, SwapIndexes};
use meilisearch_sdk::errors::Error as MeiliError;
use meilisearch_sdk::search::{MatchingStrategies, Selectors};
use meilisearch_sdk::settings::{
    FacetingSettings, MinWordSizeForTypos, PaginationSetting, Settings, TypoToleranceSettings,
};
use meilisearch_sdk::task_info::TaskInfo;
use serde::Deserialize;

use super::{
    document, text, EngineQuery, EngineResult, FacetKey, Filter, Rebuild, SearchDoc, SearchIndex,
    SearchSort,
};
use crate::{Error, Result};
use model::Locale;

const TASK_TIMEOUT: Duration = Duration::from_secs(120);
const TASK_POLL: Duration = Duration::from_millis(50);

#[derive(Clone)]
pub struct MeiliIndex {
    client: Client,
    uid: String,
}

#[derive(Deserialize)]
struct IdOnly {
    id: i32,
}

/// Connection failures make search "unavailable" (a friendly message, the
/// outbox retries); anything Meilisearch itself rejects is a bug.
fn meili_error(e: MeiliError) -> Error {
    match e {
        MeiliError::Meilisearch(api) => Error::internal(format!("meilisearch: {api}")),
        other => Error::unavailable("search", other),
    }
}

/// The attributes results can be ordered by.
fn sortable_attributes() -> Vec<&'static str> {
    let mut out = vec!["price_min", "created", "rating_rank"];
    out.extend(crate::Currency::ALL.map(document::price_field));
    out
}

/// The searchable attributes, best first (the "attribute" ranking rule
/// reads this order).
fn searchable() -> Vec<String> {
    document::searchable_fields()
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// Whether the index was set up for another document shape: its filter,
/// sort or search attributes are not ours, so its documents lack fields
/// ours have.
fn other_shape(filterable: Vec<String>, sortable: Vec<String>, searched: Vec<String>) -> bool {
    let set = |v: Vec<String>| v.into_iter().collect::<std::collections::BTreeSet<_>>();
    let ours = |v: &[&str]| -> std::collections::BTreeSet<String> {
        v.iter().map(|a| (*a).to_owned()).collect()
    };
    set(filterable) != ours(&FacetKey::ALL.map(FacetKey::field))
        || set(sortable) != ours(&sortable_attributes())
        || searched != searchable()
}

pub fn settings() -> Settings {
    let mut synonyms: HashMap<String, Vec<String>> = HashMap::new();
    for group in text::SYNONYMS {
        for phrase in group.iter() {
            let others = group
                .iter()
                .filter(|p| *p != phrase)
                .map(|p| (*p).to_owned());
            synonyms
                .entry((*phrase).to_owned())
                .or_default()
                .extend(others);
        }
    }
    Settings::new()
        .with_searchable_attributes(searchable())
        .with_filterable_attributes(FacetKey::ALL.map(FacetKey::field))
        .with_sortable_attributes(sortable_attributes())
        .with_ranking_rules([
            "words",
            "typo",
            "proximity",
            "attribute",
            "sort",
            "exactness",
        ])
        .with_synonyms(synonyms)
        .with_typo_tolerance(TypoToleranceSettings {
            enabled: Some(true),
            min_word_size_for_typos: Some(MinWordSizeForTypos {
                one_typo: Some(5),
                two_typos: Some(9),
            }),
            ..TypoToleranceSettings::default()
        })
        .with_faceting(FacetingSettings {
            max_values_per_facet: 1000,
            sort_facet_values_by: None,
        })
        .with_pagination(PaginationSetting {
            max_total_hits: 100_000,
        })
}

fn quoted(v: &str) -> String {
    format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `(brand = "A" OR brand = "B") AND (stock = "in")`.
pub fn filter_expression(filters: &[Filter]) -> String {
    filters
        .iter()
        .map(|f| {
            let any: Vec<String> = f
                .values
                .iter()
                .map(|v| format!("{} = {}", f.key.field(), quoted(v)))
                .collect();
            format!("({})", any.join(" OR "))
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The words of a hit's retrieved attributes (strings and lists of them).
fn words_of(hit: &serde_json::Map<String, serde_json::Value>) -> String {
    let mut out = String::new();
    for value in hit.values() {
        let strings: Vec<&str> = match value {
            serde_json::Value::String(s) => vec![s.as_str()],
            serde_json::Value::Array(list) => list.iter().filter_map(|v| v.as_str()).collect(),
            _ => Vec::new(),
        };
        for s in strings {
            out.push_str(s);
            out.push(' ');
        }
    }
    out
}

impl MeiliIndex {
    pub fn new(url: &str, key: Option<&str>, uid: &str) -> Result<Self> {
        let client = Client::new(url, key).map_err(meili_error)?;
        Ok(Self {
            client,
            uid: uid.to_owned(),
        })
    }

    async fn wait(&self, task: std::result::Result<TaskInfo, MeiliError>) -> Result<()> {
        let task = task
            .map_err(meili_error)?
            .wait_for_completion(&self.client, Some(TASK_POLL), Some(TASK_TIMEOUT))
            .await
            .map_err(meili_error)?;
        if task.is_failure() {
            return Err(Error::internal(format!(
                "meilisearch task failed: {}",
                task.unwrap_failure()
            )));
        }
        Ok(())
    }

    async fn ensure_index(&self, uid: &str) -> Result<bool> {
        match self.client.get_index(uid).await {
            Ok(_) => Ok(false),
            Err(MeiliError::Meilisearch(e))
                if e.error_code == meilisearch_sdk::errors::ErrorCode::IndexNotFound =>
            {
                self.wait(self.client.create_index(uid, Some("id")).await)
                    .await?;
                Ok(true)
            }
            Err(e) => Err(meili_error(e)),
        }
    }
}

#[async_trait]
impl SearchIndex for MeiliIndex {
    fn kind(&self) -> &'static str {
        "meilisearch"
    }

    async fn prepare(&self) -> Result<bool> {
        let created = self.ensure_index(&self.uid).await?;
        let index = self.client.index(&self.uid);
        // Read before the settings are applied: an index made for an older
        // document shape is rebuilt, as the embedded one is on a schema
        // version change.
        let reshaped = !created
            && other_shape(
                index
                    .get_filterable_attributes()
                    .await
                    .map_err(meili_error)?,
                index.get_sortable_attributes().await.map_err(meili_error)?,
                index
                    .get_searchable_attributes()
                    .await
                    .map_err(meili_error)?,
            );
        self.wait(index.set_settings(&settings()).await).await?;
        if created || reshaped {
            return Ok(true);
        }
        let stats = self
            .client
            .index(&self.uid)
            .get_stats()
            .await
            .map_err(meili_error)?;
        Ok(stats.number_of_documents == 0)
    }

    async fn upsert(&self, docs: Vec<SearchDoc>) -> Result<()> {
        if docs.is_empty() {
            return Ok(());
        }
        let index = self.client.index(&self.uid);
        self.wait(index.add_or_replace(&docs, Some("id")).await)
            .await
    }

    async fn remove(&self, ids: Vec<i32>) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let index = self.client.index(&self.uid);
        self.wait(index.delete_documents(&ids).await).await
    }

    async fn search(&self, q: EngineQuery) -> Result<EngineResult> {
        let index = self.client.index(&self.uid);
        let filter = filter_expression(&q.filters);
        let facet_names: Vec<&str> = q.facets.iter().map(|k| k.field()).collect();
        let sort = match q.sort {
            SearchSort::Relevance if text::words(&q.text).is_empty() => {
                Some("created:desc".to_owned())
            }
            SearchSort::Relevance => None,
            SearchSort::PriceAsc => Some(format!("{}:asc", q.price_field())),
            SearchSort::PriceDesc => Some(format!("{}:desc", q.price_field())),
            SearchSort::Newest => Some("created:desc".to_owned()),
            SearchSort::Rating => Some("rating_rank:desc".to_owned()),
        };
        let sort_list: Vec<&str> = sort.iter().map(String::as_str).collect();
        let retrieve = ["id"];
        let fields: Vec<String> = document::searchable_in(q.locale)
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        let search_on: Vec<&str> = fields.iter().map(String::as_str).collect();
        let mut s = index.search();
        s.with_query(&q.text)
            .with_attributes_to_search_on(&search_on)
            .with_matching_strategy(MatchingStrategies::ALL)
            .with_page(q.page.clamp(1, crate::bounds::MAX_PAGE as usize))
            .with_hits_per_page(q.per_page.clamp(1, crate::bounds::MAX_PER_PAGE as usize))
            .with_attributes_to_retrieve(Selectors::Some(&retrieve));
        if !filter.is_empty() {
            s.with_filter(&filter);
        }
        if !facet_names.is_empty() {
            s.with_facets(Selectors::Some(&facet_names));
        }
        if !sort_list.is_empty() {
            s.with_sort(&sort_list);
        }
        let res = s.execute::<IdOnly>().await.map_err(meili_error)?;
        let mut facets = BTreeMap::new();
        let distribution = res.facet_distribution.unwrap_or_default();
        for key in &q.facets {
            let values: BTreeMap<String, u64> = distribution
                .get(key.field())
                .map(|m| m.iter().map(|(v, n)| (v.clone(), *n as u64)).collect())
                .unwrap_or_default();
            facets.insert(*key, values);
        }
        Ok(EngineResult {
            ids: res.hits.into_iter().map(|h| h.result.id).collect(),
            total: res.total_hits.unwrap_or(0) as u64,
            facets,
        })
    }

    async fn vocabulary_near(&self, word: String, locale: Locale) -> Result<Vec<(String, u64)>> {
        // Meilisearch has no term list: look at documents found by the word
        // itself (its typo tolerance), by its first letters, and by its
        // first letter alone (a word misspelt early, "jcakte", shares no
        // longer prefix with "jacket"), and collect their words near it.
        let index = self.client.index(&self.uid);
        let vocabulary = document::vocabulary_in(locale);
        let retrieve: Vec<&str> = vocabulary.iter().map(String::as_str).collect();
        let search_on = retrieve.clone();
        let mut probes: Vec<String> = vec![
            word.clone(),
            word.chars().take(3).collect(),
            word.chars().take(1).collect(),
        ];
        probes.dedup();
        let mut found: BTreeMap<String, u64> = BTreeMap::new();
        for probe in probes.iter().filter(|p| !p.is_empty()) {
            let res = index
                .search()
                .with_query(probe)
                .with_limit(100)
                .with_attributes_to_search_on(&search_on)
                .with_attributes_to_retrieve(Selectors::Some(&retrieve))
                .execute::<serde_json::Map<String, serde_json::Value>>()
                .await
                .map_err(meili_error)?;
            for hit in res.hits {
                let all = words_of(&hit.result);
                let mut seen = std::collections::BTreeSet::new();
                for t in text::words(&all) {
                    if text::distance(&word, &t) <= 3 && seen.insert(t.clone()) {
                        *found.entry(t).or_default() += 1;
                    }
                }
            }
            if !found.is_empty() {
                break;
            }
        }
        Ok(found.into_iter().collect())
    }

    async fn begin_rebuild(&self) -> Result<Box<dyn Rebuild>> {
        self.ensure_index(&self.uid).await?;
        let next = format!("{}_next", self.uid);
        if self.client.get_index(&next).await.is_ok() {
            self.wait(self.client.index(&next).delete().await).await?;
        }
        self.ensure_index(&next).await?;
        self.wait(self.client.index(&next).set_settings(&settings()).await)
            .await?;
        Ok(Box::new(MeiliRebuild {
            live: self.clone(),
            next,
        }))
    }

    async fn health(&self) -> Result<()> {
        self.client.health().await.map(|_| ()).map_err(meili_error)
    }
}

struct MeiliRebuild {
    live: MeiliIndex,
    next: String,
}

#[async_trait]
impl Rebuild for MeiliRebuild {
    async fn add(&mut self, docs: Vec<SearchDoc>) -> Result<()> {
        let index = self.live.client.index(&self.next);
        self.live
            .wait(index.add_or_replace(&docs, Some("id")).await)
            .await
    }

    async fn finish(self: Box<Self>) -> Result<()> {
        let swap = SwapIndexes {
            indexes: (self.live.uid.clone(), self.next.clone()),
            rename: None,
        };
        self.live
            .wait(self.live.client.swap_indexes([&swap]).await)
            .await?;
        // After the swap `next` holds the old documents.
        self.live
            .wait(self.live.client.index(&self.next).delete().await)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_or_within_and_across_groups_and_quoted() {
        let f = filter_expression(&[
            Filter {
                key: FacetKey::Brand,
                values: vec!["Acme".into(), "Say \"hi\"".into()],
            },
            Filter {
                key: FacetKey::Stock,
                values: vec!["in".into()],
            },
        ]);
        assert_eq!(
            f,
            r#"(brand = "Acme" OR brand = "Say \"hi\"") AND (stock = "in")"#
        );
    }

    #[test]
    fn synonyms_are_symmetric() {
        let s = settings().synonyms.unwrap_or_default();
        assert!(s["tee"].contains(&"t-shirt".to_owned()));
        assert!(s["t-shirt"].contains(&"tee".to_owned()));
    }
}
