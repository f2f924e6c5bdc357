//! The search service: shopper requests in, pages of cards with facets out.
use std::collections::BTreeMap;
use std::sync::Arc;

use sea_orm::DatabaseConnection;

use super::facets::{IN_STOCK, OUT_OF_STOCK};
use super::text;
use super::{EngineQuery, FacetKey, Filter, SearchIndex, SearchSort};
use crate::analytics::{self, Event, EventKind, Recorder};
use crate::bounds;
use crate::catalog::{presented, Catalog, CategoryTree};
use crate::money::{Currency, Money};
use crate::Result;

use model::search::PER_PAGE;
use model::Locale;
const AUTOCOMPLETE_PRODUCTS: usize = 6;
const AUTOCOMPLETE_CATEGORIES: usize = 4;
/// Each option name selected costs one more engine query for its counts.
const MAX_OPTION_GROUPS: usize = 6;
/// "Did you mean" looks each word up in the index's vocabulary.
const MAX_CORRECTED_WORDS: usize = 8;
/// Rows of each list in the staff search report.
const REPORT_ROWS: u64 = 20;

pub use model::search::{
    Autocomplete, FacetGroup, FacetOption, FacetWording, SearchHit, SearchPage, SearchRequest,
    SuggestedCategory,
};

#[derive(Clone)]
pub struct Search {
    pub(super) db: DatabaseConnection,
    pub(super) index: Arc<dyn SearchIndex>,
    catalog: Catalog,
    store: crate::store::Current,
    recorder: Option<Recorder>,
}

/// One multi-select group: a facet key, and for options the option name
/// (for attributes the code).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Group {
    key: FacetKey,
    option: Option<String>,
    filter: Filter,
}

/// Splits "Name:Value" filters into one group per name.
fn named_groups(key: FacetKey, values: &[String], out: &mut Vec<Group>) {
    let mut by_name: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for o in values {
        if let Some((name, _)) = o.split_once(':') {
            by_name.entry(name).or_default().push(o.clone());
        }
    }
    for (name, values) in by_name {
        out.push(Group {
            key,
            option: Some(name.to_owned()),
            filter: Filter { key, values },
        });
    }
}

/// "name:value" with both parts present.
fn pair(o: &str) -> bool {
    o.split_once(':')
        .is_some_and(|(n, v)| !n.is_empty() && !v.is_empty())
}

/// The request cut to what one search may cost ([`crate::bounds`]):
/// clamped page, capped lists and text, price keys that exist.
pub fn bounded(req: SearchRequest) -> SearchRequest {
    let known_price = |p: &String| super::PRICE_BUCKETS.iter().any(|b| b.key() == *p);
    SearchRequest {
        locale: req.locale,
        text: bounds::text(&req.text, bounds::MAX_QUERY_CHARS),
        categories: bounds::list(req.categories),
        brands: bounds::list(req.brands),
        prices: bounds::list(req.prices)
            .into_iter()
            .filter(known_price)
            .collect(),
        options: bounds::list(req.options)
            .into_iter()
            .filter(|o| pair(o))
            .collect(),
        attributes: bounds::list(req.attributes)
            .into_iter()
            .filter(|o| pair(o))
            .collect(),
        in_stock: req.in_stock,
        rating: model::search::rating_filter(req.rating),
        sort: req.sort,
        page: bounds::page(req.page),
    }
}

/// The request's filters, one group per facet (and per option name).
fn groups(req: &SearchRequest) -> Vec<Group> {
    let mut out = Vec::new();
    let mut simple = |key, values: &[String]| {
        if !values.is_empty() {
            out.push(Group {
                key,
                option: None,
                filter: Filter {
                    key,
                    values: values.to_vec(),
                },
            });
        }
    };
    simple(FacetKey::Category, &req.categories);
    simple(FacetKey::Brand, &req.brands);
    simple(FacetKey::Price, &req.prices);
    if req.in_stock {
        simple(FacetKey::Stock, &[IN_STOCK.to_owned()]);
    }
    if req.rating > 0 {
        simple(FacetKey::Rating, &[req.rating.to_string()]);
    }
    named_groups(FacetKey::Option, &req.options, &mut out);
    named_groups(FacetKey::Attribute, &req.attributes, &mut out);
    out
}

impl Search {
    pub fn new(
        db: DatabaseConnection,
        index: Arc<dyn SearchIndex>,
        store: crate::store::Current,
        recorder: Option<Recorder>,
    ) -> Self {
        Self {
            catalog: Catalog::new(db.clone()),
            db,
            index,
            store,
            recorder,
        }
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// "embedded" or "meilisearch".
    pub fn engine(&self) -> &'static str {
        self.index.kind()
    }

    pub async fn health(&self) -> Result<()> {
        self.index.health().await
    }

    /// What shoppers searched for over the last `days` days (staff with the
    /// analytics permission).
    pub async fn report(
        &self,
        actor: &crate::accounts::Actor,
        days: u32,
    ) -> Result<analytics::SearchReport> {
        analytics::search_report(&self.db, actor, days, REPORT_ROWS, self.engine()).await
    }

    /// The catalog this search reads cards and categories from (its
    /// category tree is forgotten with the shop's when a category changes).
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// A search page sorted by the shop's base prices. Searches are counted
    /// when the browser shows one ([`Self::record_search`]), not here:
    /// cached pages run no search.
    pub async fn search(&self, req: SearchRequest) -> Result<SearchPage> {
        self.search_priced(req, None).await
    }

    /// A search page for a shopper who sees prices in `shown_in` (the
    /// cookie's or the API's currency): a price sort follows those prices.
    pub async fn search_in(&self, req: SearchRequest, shown_in: Currency) -> Result<SearchPage> {
        self.search_priced(req, Some(shown_in)).await
    }

    async fn search_priced(
        &self,
        req: SearchRequest,
        shown_in: Option<Currency>,
    ) -> Result<SearchPage> {
        let mut req = bounded(req);
        req.options = self.known_options(std::mem::take(&mut req.options)).await?;
        let tree = self.catalog.tree().await?;
        known_attributes(&tree, &mut req.attributes);
        let text = req.text.clone();
        let page = req.page;
        let groups = groups(&req);
        let all_filters: Vec<Filter> = groups.iter().map(|g| g.filter.clone()).collect();
        // A price sort in the currency the shopper sees, where it is one
        // the shop sells in besides its base.
        let currencies = self.store.currencies();
        let prices_in =
            shown_in.and_then(|c| crate::catalog::shown_prices::kept_for(&currencies, c));
        let main = self
            .index
            .search(EngineQuery {
                text: text.clone(),
                locale: req.locale,
                filters: all_filters,
                facets: FacetKey::ALL.to_vec(),
                sort: req.sort,
                prices_in,
                page: page as usize,
                per_page: PER_PAGE as usize,
            })
            .await?;
        let mut counts = main.facets.clone();
        // A selected group's own counts come from the query without it, so
        // shoppers see what ticking another box in that group would add.
        let mut option_counts: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
        let mut attribute_counts: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
        for g in &groups {
            let others: Vec<Filter> = groups
                .iter()
                .filter(|o| *o != g)
                .map(|o| o.filter.clone())
                .collect();
            let res = self
                .index
                .search(EngineQuery {
                    text: text.clone(),
                    locale: req.locale,
                    filters: others,
                    facets: vec![g.key],
                    sort: SearchSort::Relevance,
                    prices_in: None,
                    page: 1,
                    per_page: 1,
                })
                .await?;
            let values = res.facets.get(&g.key).cloned().unwrap_or_default();
            match (g.key, &g.option) {
                (FacetKey::Attribute, Some(code)) => {
                    attribute_counts.insert(code.clone(), values);
                }
                (_, Some(name)) => {
                    option_counts.insert(name.clone(), values);
                }
                (_, None) => {
                    counts.insert(g.key, values);
                }
            }
        }
        let facets = self.facet_groups(
            &req,
            &tree,
            &counts,
            &Selected {
                options: &option_counts,
                attributes: &attribute_counts,
            },
        );
        let cards = self.catalog.cards_for_ids(&main.ids).await?;
        let hits = cards
            .into_iter()
            .map(|mut card| {
                presented::card_title(req.locale, &mut card);
                SearchHit {
                    title: text::highlight(&card.title, &text),
                    card,
                }
            })
            .collect();
        let nothing = main.total == 0;
        let did_you_mean = if nothing {
            self.did_you_mean(&text, req.locale).await?
        } else {
            None
        };
        let popular = if nothing {
            self.catalog.popular(8).await?
        } else {
            Vec::new()
        };
        Ok(SearchPage {
            page_count: main.total.div_ceil(PER_PAGE),
            total: main.total,
            hits,
            facets,
            did_you_mean,
            popular,
            request: SearchRequest { text, page, ..req },
        })
    }

    /// Header suggestions while typing: a few products and the categories
    /// whose names match what was typed.
    pub async fn autocomplete(&self, typed: &str, locale: Locale) -> Result<Autocomplete> {
        let typed = bounds::text(typed, bounds::MAX_QUERY_CHARS);
        let words = text::words(&typed);
        if words.is_empty() {
            return Ok(Autocomplete::default());
        }
        let res = self
            .index
            .search(EngineQuery {
                text: typed.clone(),
                locale,
                filters: Vec::new(),
                facets: vec![FacetKey::Category],
                sort: SearchSort::Relevance,
                prices_in: None,
                page: 1,
                per_page: AUTOCOMPLETE_PRODUCTS,
            })
            .await?;
        let tree = self.catalog.tree().await?;
        let prefix = text::last_word_is_prefix(&typed);
        let mut categories: Vec<SuggestedCategory> = res
            .facets
            .get(&FacetKey::Category)
            .into_iter()
            .flatten()
            .filter_map(|(slug, count)| {
                let c = tree.by_slug(slug)?;
                let name_words = text::words(tree.name_in(c, locale));
                let named = words.iter().enumerate().any(|(i, w)| {
                    let last = prefix && i + 1 == words.len();
                    name_words.iter().any(|n| text::matches(w, n, last))
                });
                named.then(|| SuggestedCategory {
                    slug: c.slug.clone(),
                    name: tree.label_in(c.id, locale),
                    count: *count,
                })
            })
            .collect();
        categories.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
        categories.truncate(AUTOCOMPLETE_CATEGORIES);
        let mut products = self.catalog.cards_for_ids(&res.ids).await?;
        for card in &mut products {
            presented::card_title(locale, card);
        }
        Ok(Autocomplete {
            products,
            categories,
        })
    }

    /// The "Name:Value" filters whose option name some product has, from
    /// at most [`MAX_OPTION_GROUPS`] names: invented names cost nothing.
    async fn known_options(&self, options: Vec<String>) -> Result<Vec<String>> {
        use crate::entities::product_option;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
        if options.is_empty() {
            return Ok(options);
        }
        let mut names: Vec<&str> = options
            .iter()
            .filter_map(|o| Some(o.split_once(':')?.0))
            .collect();
        names.sort_unstable();
        names.dedup();
        let known: Vec<String> = product_option::Entity::find()
            .select_only()
            .column(product_option::Column::Name)
            .distinct()
            .filter(product_option::Column::Name.is_in(names))
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut options = options;
        keep_groups(&mut options, |name| known.iter().any(|k| k == name));
        Ok(options)
    }

    /// Records that a shopper opened result `position` (1-based) of `query`.
    pub async fn record_click(
        &self,
        query: &str,
        slug: &str,
        position: i32,
        session: Option<String>,
    ) -> Result<()> {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
        let Some(r) = &self.recorder else {
            return Ok(());
        };
        let id: Option<i32> = crate::entities::product::Entity::find()
            .select_only()
            .column(crate::entities::product::Column::Id)
            .filter(crate::entities::product::Column::Slug.eq(slug))
            .into_tuple()
            .one(&self.db)
            .await?;
        let Some(product_id) = id else {
            return Err(crate::Error::not_found("product"));
        };
        let mut e = Event::new(EventKind::SearchClick, session);
        e.query = Some(analytics::normalise_query(query));
        e.product_id = Some(product_id);
        e.position = Some(position.clamp(1, 10_000));
        r.record(e);
        Ok(())
    }

    /// Counts a search a shopper saw (`session`: the visit's analytics id).
    /// The text is bounded like a search's; an empty one is refused.
    pub fn record_search(&self, query: &str, results: u64, session: Option<String>) -> Result<()> {
        let query = analytics::normalise_query(&bounds::text(query, bounds::MAX_QUERY_CHARS));
        if query.is_empty() {
            return Err(crate::Error::validation("q", "Say what was searched for."));
        }
        if let Some(r) = &self.recorder {
            let mut e = Event::new(EventKind::Search, session);
            e.query = Some(query);
            e.results = Some(i32::try_from(results).unwrap_or(i32::MAX));
            r.record(e);
        }
        Ok(())
    }

    /// Replaces each word the index doesn't know with its closest known word.
    async fn did_you_mean(&self, query: &str, locale: Locale) -> Result<Option<String>> {
        let mut words = text::words(query);
        words.truncate(MAX_CORRECTED_WORDS);
        let mut changed = false;
        let mut out = Vec::with_capacity(words.len());
        for w in words {
            let near = self.index.vocabulary_near(w.clone(), locale).await?;
            let known = near.iter().any(|(t, _)| *t == w);
            match text::closest(&w, near.iter().map(|(t, n)| (t.as_str(), *n))) {
                Some(better) if !known => {
                    changed = true;
                    out.push(better);
                }
                _ => out.push(w),
            }
        }
        Ok(changed.then(|| out.join(" ")))
    }

    fn facet_groups(
        &self,
        req: &SearchRequest,
        tree: &CategoryTree,
        counts: &BTreeMap<FacetKey, BTreeMap<String, u64>>,
        selected: &Selected<'_>,
    ) -> Vec<FacetGroup> {
        let option_counts = selected.options;
        let empty = BTreeMap::new();
        let of = |key| counts.get(&key).unwrap_or(&empty);
        let mut groups = Vec::new();

        // Categories in tree order; children show once their parent is picked.
        let mut cats = Vec::new();
        let cat_counts = of(FacetKey::Category);
        walk(tree, None, 0, &mut |c, depth| {
            let selected = req.categories.contains(&c.slug);
            let count = cat_counts.get(&c.slug).copied().unwrap_or(0);
            let parent_picked = tree
                .path_to(c.id)
                .iter()
                .rev()
                .skip(1)
                .any(|p| req.categories.contains(&p.slug));
            let visible = selected || (count > 0 && (depth == 0 || parent_picked));
            if visible {
                cats.push(FacetOption {
                    value: c.slug.clone(),
                    label: tree.name_in(c, req.locale).to_owned(),
                    count,
                    selected,
                    depth: depth as u8,
                    swatch: None,
                    wording: None,
                });
            }
        });
        groups.push(FacetGroup {
            key: FacetKey::Category,
            name: "Category".into(),
            options: cats,
        });

        let price_counts = of(FacetKey::Price);
        let currency = self.store.get().currency;
        let prices = super::PRICE_BUCKETS
            .iter()
            .filter_map(|b| {
                let key = b.key();
                let count = price_counts.get(&key).copied().unwrap_or(0);
                let selected = req.prices.contains(&key);
                (count > 0 || selected).then(|| FacetOption {
                    label: b.label(currency),
                    value: key,
                    count,
                    selected,
                    depth: 0,
                    swatch: None,
                    wording: Some(FacetWording::Price {
                        from: Money::new(b.from, currency),
                        to: b.to.map(|to| Money::new(to, currency)),
                    }),
                })
            })
            .collect();
        groups.push(FacetGroup {
            key: FacetKey::Price,
            name: "Price".into(),
            options: prices,
        });

        groups.push(FacetGroup {
            key: FacetKey::Brand,
            name: "Brand".into(),
            options: flat(of(FacetKey::Brand), &req.brands, |v| v.to_owned()),
        });

        // Options: one group per name, e.g. Colour and Size.
        let mut names: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
        for (value, n) in of(FacetKey::Option) {
            if let Some((name, _)) = value.split_once(':') {
                if !option_counts.contains_key(name) {
                    names
                        .entry(name.to_owned())
                        .or_default()
                        .insert(value.clone(), *n);
                }
            }
        }
        for (name, values) in option_counts {
            let mine = values
                .iter()
                .filter(|(v, _)| v.split_once(':').map(|(n, _)| n) == Some(name.as_str()))
                .map(|(v, n)| (v.clone(), *n))
                .collect();
            names.insert(name.clone(), mine);
        }
        for o in &req.options {
            if let Some((name, _)) = o.split_once(':') {
                names
                    .entry(name.to_owned())
                    .or_default()
                    .entry(o.clone())
                    .or_insert(0);
            }
        }
        for (name, values) in names {
            let mut options = flat(&values, &req.options, |v| {
                v.split_once(':').map(|(_, x)| x).unwrap_or(v).to_owned()
            });
            sort_option_values(&mut options);
            groups.push(FacetGroup {
                key: FacetKey::Option,
                name,
                options,
            });
        }

        let stock = of(FacetKey::Stock);
        let in_stock = stock.get(IN_STOCK).copied().unwrap_or(0);
        let out = stock.get(OUT_OF_STOCK).copied().unwrap_or(0);
        let narrows = out > 0 || req.in_stock;
        if in_stock > 0 || req.in_stock {
            groups.push(FacetGroup {
                key: FacetKey::Stock,
                name: "Availability".into(),
                options: vec![FacetOption {
                    value: IN_STOCK.into(),
                    label: if narrows {
                        "In stock only".into()
                    } else {
                        "In stock".into()
                    },
                    count: in_stock,
                    selected: req.in_stock,
                    depth: 0,
                    swatch: None,
                    wording: Some(if narrows {
                        FacetWording::InStockOnly
                    } else {
                        FacetWording::InStock
                    }),
                }],
            });
        }
        groups.extend(attribute_groups(
            req,
            tree,
            of(FacetKey::Attribute),
            selected.attributes,
        ));
        groups.push(rating_group(req, of(FacetKey::Rating)));
        groups.retain(|g| !g.options.is_empty());
        groups
    }
}

/// Counts of the selected groups, by option name and by attribute code:
/// each from the query without that group's own filter.
struct Selected<'a> {
    options: &'a BTreeMap<String, BTreeMap<String, u64>>,
    attributes: &'a BTreeMap<String, BTreeMap<String, u64>>,
}

/// Keeps the "name:value" filters whose name is `usable`, from at most
/// [`MAX_OPTION_GROUPS`] names: each costs a query, invented ones nothing.
fn keep_groups(filters: &mut Vec<String>, usable: impl Fn(&str) -> bool) {
    let mut kept: Vec<String> = Vec::new();
    filters.retain(|f| {
        let name = f.split_once(':').map_or("", |(n, _)| n);
        if !usable(name) {
            return false;
        }
        if !kept.iter().any(|k| k == name) {
            if kept.len() == MAX_OPTION_GROUPS {
                return false;
            }
            kept.push(name.to_owned());
        }
        true
    });
}

/// Keeps the "code:value" filters naming an attribute shoppers may filter by.
fn known_attributes(tree: &CategoryTree, filters: &mut Vec<String>) {
    keep_groups(filters, |code| {
        tree.attribute(code).is_some_and(|a| a.def.is_facet())
    });
}

/// One group per filterable attribute with values among the matches, in
/// definition order; a selected attribute's counts come from `selected`.
fn attribute_groups(
    req: &SearchRequest,
    tree: &CategoryTree,
    counts: &BTreeMap<String, u64>,
    selected: &BTreeMap<String, BTreeMap<String, u64>>,
) -> Vec<FacetGroup> {
    let mut out = Vec::new();
    for held in tree.attributes() {
        let def = &held.def;
        if !def.is_facet() {
            continue;
        }
        let prefix = format!("{}:", def.code);
        let source = selected.get(&def.code).unwrap_or(counts);
        let mut values: BTreeMap<String, u64> = source
            .iter()
            .filter(|(v, n)| v.starts_with(&prefix) && **n > 0)
            .map(|(v, n)| (v.clone(), *n))
            .collect();
        for picked in req.attributes.iter().filter(|v| v.starts_with(&prefix)) {
            values.entry(picked.clone()).or_insert(0);
        }
        let mut options: Vec<FacetOption> = values
            .into_iter()
            .map(|(value, count)| {
                let stored = &value[prefix.len()..];
                FacetOption {
                    label: def.label(stored),
                    swatch: def.swatch(stored),
                    wording: None,
                    selected: req.attributes.contains(&value),
                    count,
                    depth: 0,
                    value,
                }
            })
            .collect();
        options.sort_by_key(|o| def.rank(&o.value[prefix.len()..]));
        out.push(FacetGroup {
            key: FacetKey::Attribute,
            name: def.name.clone(),
            options,
        });
    }
    out
}

/// "4 stars & up" down to "1 star & up", each with how many products
/// reach it; a threshold nothing reaches is left out unless it is picked.
fn rating_group(req: &SearchRequest, counts: &BTreeMap<String, u64>) -> FacetGroup {
    let options = (1..=model::search::MAX_RATING_FILTER)
        .rev()
        .filter_map(|stars| {
            let value = stars.to_string();
            let count = counts.get(&value).copied().unwrap_or(0);
            let selected = req.rating == stars;
            (count > 0 || selected).then(|| FacetOption {
                label: if stars == 1 {
                    "1 star & up".to_owned()
                } else {
                    format!("{stars} stars & up")
                },
                value,
                count,
                selected,
                depth: 0,
                swatch: None,
                wording: Some(FacetWording::StarsAndUp(stars)),
            })
        })
        .collect();
    FacetGroup {
        key: FacetKey::Rating,
        name: "Customer rating".into(),
        options,
    }
}

fn walk<'a>(
    tree: &'a CategoryTree,
    parent: Option<i32>,
    depth: usize,
    f: &mut impl FnMut(&'a crate::entities::category::Model, usize),
) {
    for c in tree.children_of(parent) {
        f(c, depth);
        walk(tree, Some(c.id), depth + 1, f);
    }
}

/// Values by count (most first), then name; selected ones always shown.
fn flat(
    counts: &BTreeMap<String, u64>,
    selected: &[String],
    label: impl Fn(&str) -> String,
) -> Vec<FacetOption> {
    let mut out: Vec<FacetOption> = counts
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(v, n)| FacetOption {
            value: v.clone(),
            label: label(v),
            count: *n,
            selected: selected.contains(v),
            depth: 0,
            swatch: None,
            wording: None,
        })
        .collect();
    for s in selected {
        if !out.iter().any(|o| &o.value == s) {
            out.push(FacetOption {
                value: s.clone(),
                label: label(s),
                count: 0,
                selected: true,
                depth: 0,
                swatch: None,
                wording: None,
            });
        }
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    out
}

/// Sizes read best in size order, not by count.
fn sort_option_values(options: &mut [FacetOption]) {
    const SIZES: &[&str] = &["XXS", "XS", "S", "M", "L", "XL", "XXL"];
    if options.iter().all(|o| SIZES.contains(&o.label.as_str())) {
        options.sort_by_key(|o| SIZES.iter().position(|s| *s == o.label));
    }
}
