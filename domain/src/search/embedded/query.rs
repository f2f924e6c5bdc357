//! Turns an [`EngineQuery`] into a tantivy query and runs it: every word
//! must match some field (typo-tolerant, the last word as a prefix), each
//! field weighted, exact words worth more than near ones; facet filters are
//! OR within a group and AND across groups.
use std::collections::BTreeMap;

use tantivy::collector::{Count, FacetCollector, MultiCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, Schema, Value};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::bounds;

use super::schema::{facet_field, Fields};
use crate::search::{text, EngineQuery, EngineResult, SearchSort};

pub fn build(schema: &Schema, fields: &Fields, q: &EngineQuery) -> tantivy::Result<Box<dyn Query>> {
    let words = text::words(&q.text);
    let prefix = text::last_word_is_prefix(&q.text);
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let is_prefix = prefix && i + 1 == words.len();
        let budget = text::typo_budget(word);
        let mut any_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for &(field, weight) in fields.searchable(q.locale) {
            let term = Term::from_field_text(field, word);
            let near: Box<dyn Query> = if is_prefix {
                Box::new(FuzzyTermQuery::new_prefix(term.clone(), budget, true))
            } else if budget > 0 {
                Box::new(FuzzyTermQuery::new(term.clone(), budget, true))
            } else {
                Box::new(TermQuery::new(term.clone(), IndexRecordOption::Basic))
            };
            any_field.push((Occur::Should, Box::new(BoostQuery::new(near, weight))));
            // The exact word scores on top, so "jacket" beats "jackets" and typos.
            let exact = TermQuery::new(term, IndexRecordOption::WithFreqs);
            any_field.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(exact), weight / 2.0)),
            ));
        }
        must.push((Occur::Must, Box::new(BooleanQuery::new(any_field))));
    }
    if must.is_empty() {
        must.push((Occur::Must, Box::new(AllQuery)));
    }
    for filter in &q.filters {
        let field = schema.get_field(&facet_field(filter.key))?;
        let any_value: Vec<(Occur, Box<dyn Query>)> = filter
            .values
            .iter()
            .map(|v| {
                let term = Term::from_facet(field, &Facet::from_path([v]));
                let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, q)
            })
            .collect();
        must.push((Occur::Must, Box::new(BooleanQuery::new(any_value))));
    }
    Ok(Box::new(BooleanQuery::new(must)))
}

pub fn run(
    searcher: &Searcher,
    schema: &Schema,
    fields: &Fields,
    q: &EngineQuery,
) -> tantivy::Result<EngineResult> {
    let query = build(schema, fields, q)?;
    // tantivy keeps `offset + limit` hits in memory per segment: the port
    // itself refuses to go deeper than bounds::MAX_HITS, whoever asks.
    let per_page = q.per_page.clamp(1, bounds::MAX_PER_PAGE as usize);
    let offset = q
        .page
        .saturating_sub(1)
        .saturating_mul(per_page)
        .min(bounds::MAX_HITS as usize);
    let top = TopDocs::with_limit(per_page).and_offset(offset);

    let mut multi = MultiCollector::new();
    let count = multi.add_collector(Count);
    let facet_handles: Vec<_> = q
        .facets
        .iter()
        .map(|key| {
            let mut c = FacetCollector::for_field(facet_field(*key));
            c.add_facet(Facet::root());
            (*key, multi.add_collector(c))
        })
        .collect();

    let sort = match q.sort {
        SearchSort::Relevance if text::words(&q.text).is_empty() => SearchSort::Newest,
        other => other,
    };
    let (addresses, mut fruit): (Vec<DocAddress>, _) = match sort {
        SearchSort::Relevance => {
            let (hits, fruit) = searcher.search(&query, &(top.order_by_score(), multi))?;
            (hits.into_iter().map(|(_, a)| a).collect(), fruit)
        }
        SearchSort::PriceAsc | SearchSort::PriceDesc | SearchSort::Newest | SearchSort::Rating => {
            let (field, order) = match sort {
                SearchSort::PriceAsc => (q.price_field(), Order::Asc),
                SearchSort::PriceDesc => (q.price_field(), Order::Desc),
                SearchSort::Rating => ("rating_rank", Order::Desc),
                _ => ("created", Order::Desc),
            };
            let (hits, fruit) = searcher.search(
                &query,
                &(top.order_by_fast_field::<i64>(field, order), multi),
            )?;
            (hits.into_iter().map(|(_, a)| a).collect(), fruit)
        }
    };

    let mut ids = Vec::with_capacity(addresses.len());
    for address in addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        if let Some(id) = doc.get_first(fields.id).and_then(|v| v.as_i64()) {
            ids.push(id as i32);
        }
    }
    let total = count.extract(&mut fruit) as u64;
    let mut facets = BTreeMap::new();
    for (key, handle) in facet_handles {
        let counts = handle.extract(&mut fruit);
        let values: BTreeMap<String, u64> = counts
            .get(Facet::root())
            .filter_map(|(facet, n)| facet.to_path().last().map(|v| ((*v).to_owned(), n)))
            .collect();
        facets.insert(key, values);
    }
    Ok(EngineResult { ids, total, facets })
}
