//! The search document for a product, and loading documents from the
//! database in batches (a handful of queries per batch, not per product).
use std::collections::{BTreeMap, BTreeSet, HashMap};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

use super::facets::{PriceBucket, IN_STOCK, OUT_OF_STOCK};
use super::text;
use crate::catalog::{CategoryTree, ProductStatus};
use crate::entities::{
    product, product_option, product_option_value, product_price, variant, variant_option_value,
};
use crate::money::Currency;
use crate::Result;
use model::reviews::RatingSummary;
use model::search::MAX_RATING_FILTER;
use model::storefront::Translation;
use model::Locale;

/// Bump when the document shape or the embedded schema changes: an index
/// from an older version is rebuilt at startup.
pub const SCHEMA_VERSION: u32 = 5;

/// The searchable fields with their weight, best first: a title match
/// outranks a brand or category match, which outranks the description.
/// The embedded engine weighs them; Meilisearch ranks by this order.
const SEARCHABLE: [(&str, f32); 7] = [
    ("title", 8.0),
    ("brand", 4.0),
    ("category_names", 4.0),
    ("aliases", 4.0),
    ("option_values", 2.0),
    ("attribute_values", 2.0),
    ("description", 1.0),
];

/// The fields written once per language (`title_de`); the others are the
/// same in every language.
const LOCALIZED: [&str; 2] = ["title", "description"];

/// Where `field` is held in `locale`: English in the field itself, another
/// language in `{field}_{code}`.
pub fn field_in(field: &str, locale: Locale) -> String {
    if locale == Locale::En || !LOCALIZED.contains(&field) {
        field.to_owned()
    } else {
        format!("{field}_{}", locale.code())
    }
}

/// What a search in `locale` reads, with the weights.
pub fn searchable_in(locale: Locale) -> Vec<(String, f32)> {
    SEARCHABLE
        .iter()
        .map(|(name, weight)| (field_in(name, locale), *weight))
        .collect()
}

/// Every searchable field of every language, best first, with its weight.
pub fn searchable_fields() -> Vec<(String, f32)> {
    let mut out = Vec::new();
    for (name, weight) in SEARCHABLE {
        for locale in Locale::ALL {
            let field = field_in(name, *locale);
            if !out.iter().any(|(f, _)| *f == field) {
                out.push((field, weight));
            }
        }
    }
    out
}

/// The sortable field holding the lowest price a product shows in
/// `currency` (its base price where the shop does not sell in it): a price
/// sort in that currency follows what the pages show, list prices included.
pub fn price_field(currency: Currency) -> &'static str {
    match currency {
        Currency::Usd => "price_min_usd",
        Currency::Eur => "price_min_eur",
        Currency::Gbp => "price_min_gbp",
        Currency::Jpy => "price_min_jpy",
    }
}

/// The fields "did you mean" takes its words from in `locale`.
pub fn vocabulary_in(locale: Locale) -> [String; 3] {
    [
        field_in("title", locale),
        "brand".to_owned(),
        "category_names".to_owned(),
    ]
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    pub id: i32,
    pub title: String,
    pub brand: String,
    pub description: String,
    /// The title and description in each other language (`title_de`,
    /// `description_de`), the English where none is written, so a search
    /// in that language finds what its pages show.
    #[serde(flatten)]
    pub localized: BTreeMap<String, String>,
    /// Names of the category and its ancestors, searchable.
    pub category_names: Vec<String>,
    /// Synonym-group members the title or categories mention.
    pub aliases: Vec<String>,
    /// Option values ("Navy", "XL"), searchable.
    pub option_values: Vec<String>,
    /// Attribute values as they read ("Merino wool", "250 g"), and the
    /// names of yes / no attributes a product has ("Waterproof"), searchable.
    pub attribute_values: Vec<String>,
    // Facets.
    pub categories: Vec<String>,
    pub options: Vec<String>,
    /// "code:value", one per filterable attribute value.
    pub attributes: Vec<String>,
    pub price_bucket: Vec<String>,
    pub stock: String,
    /// "1".."4": the whole stars the published reviews' average reaches.
    pub rating_floor: Vec<String>,
    // Sorting.
    pub price_min: i64,
    /// [`price_field`]s: the lowest price shown in each currency.
    pub price_min_usd: i64,
    pub price_min_eur: i64,
    pub price_min_gbp: i64,
    pub price_min_jpy: i64,
    pub created: i64,
    /// [`rating_rank`]: the average first, the number of reviews second.
    pub rating_rank: i64,
}

impl SearchDoc {
    /// The lowest price shown in `currency` ([`price_field`]).
    pub fn price_in(&self, currency: Currency) -> i64 {
        match currency {
            Currency::Usd => self.price_min_usd,
            Currency::Eur => self.price_min_eur,
            Currency::Gbp => self.price_min_gbp,
            Currency::Jpy => self.price_min_jpy,
        }
    }

    /// The text `field` (one of [`searchable_fields`]) holds.
    pub fn texts(&self, field: &str) -> Vec<String> {
        match field {
            "title" => vec![self.title.clone()],
            "description" => vec![self.description.clone()],
            "brand" => vec![self.brand.clone()],
            "category_names" => self.category_names.clone(),
            "aliases" => self.aliases.clone(),
            "option_values" => self.option_values.clone(),
            "attribute_values" => self.attribute_values.clone(),
            other => self.localized.get(other).cloned().into_iter().collect(),
        }
    }
}

/// The title and description fields in each other language: the
/// translation where one is written, else the English.
fn localized(p: &product::Model, written: &[Translation]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for locale in Locale::others() {
        let t = written.iter().find(|t| t.locale == locale);
        let title = t.map_or(p.title.as_str(), |t| t.title.as_str());
        let description = t
            .map(|t| t.description.as_str())
            .filter(|d| !d.is_empty())
            .unwrap_or(&p.description);
        out.insert(field_in("title", locale), title.to_owned());
        out.insert(field_in("description", locale), description.to_owned());
    }
    out
}

/// The facet values of an average: "4" means "4 stars & up".
pub fn rating_floor(rating: Option<&RatingSummary>) -> Vec<String> {
    let tenths = rating.map_or(0, RatingSummary::average_tenths);
    (1..=u32::from(MAX_RATING_FILTER))
        .filter(|stars| tenths >= stars * 10)
        .map(|stars| stars.to_string())
        .collect()
}

/// One sortable number for "Top rated", as both engines sort on one field:
/// the average in tenths, then the review count (capped), unrated last.
pub fn rating_rank(rating: Option<&RatingSummary>) -> i64 {
    rating.map_or(0, |r| {
        i64::from(r.average_tenths()) * 1_000_000 + i64::from(r.count.min(999_999))
    })
}

/// Documents for the given products; products that are missing or not
/// active get none (the caller removes them from the index).
pub async fn load<C: ConnectionTrait>(
    conn: &C,
    tree: &CategoryTree,
    product_ids: &[i32],
) -> Result<Vec<SearchDoc>> {
    if product_ids.is_empty() {
        return Ok(Vec::new());
    }
    let products = product::Entity::find()
        .filter(product::Column::Id.is_in(product_ids.iter().copied()))
        .filter(product::Column::Status.eq(ProductStatus::Active.as_str()))
        .order_by_asc(product::Column::Id)
        .all(conn)
        .await?;
    build(conn, tree, products).await
}

/// Ids of active products after `after`, `limit` at a time, for rebuilds.
pub async fn active_ids_after<C: ConnectionTrait>(
    conn: &C,
    after: i32,
    limit: u64,
) -> Result<Vec<i32>> {
    Ok(product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .filter(product::Column::Id.gt(after))
        .filter(product::Column::Status.eq(ProductStatus::Active.as_str()))
        .order_by_asc(product::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(conn)
        .await?)
}

pub async fn count_active<C: ConnectionTrait>(conn: &C) -> Result<u64> {
    use sea_orm::PaginatorTrait;
    Ok(product::Entity::find()
        .filter(product::Column::Status.eq(ProductStatus::Active.as_str()))
        .count(conn)
        .await?)
}

async fn build<C: ConnectionTrait>(
    conn: &C,
    tree: &CategoryTree,
    products: Vec<product::Model>,
) -> Result<Vec<SearchDoc>> {
    let ids: Vec<i32> = products.iter().map(|p| p.id).collect();
    let variants = variant::Entity::find()
        .filter(variant::Column::ProductId.is_in(ids.iter().copied()))
        .all(conn)
        .await?;
    let variant_ids: Vec<i32> = variants.iter().map(|v| v.id).collect();
    let available = crate::catalog::availability(conn, &ids).await?;
    let mut attribute_values = crate::catalog::attribute_values(conn, tree, &ids).await?;
    let mut translations = crate::catalog::translations_of(conn, &ids).await?;
    let shown: HashMap<(i32, String), i64> = product_price::Entity::find()
        .filter(product_price::Column::ProductId.is_in(ids.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| ((r.product_id, r.currency), r.price_min_minor))
        .collect();

    let options = product_option::Entity::find()
        .filter(product_option::Column::ProductId.is_in(ids.iter().copied()))
        .all(conn)
        .await?;
    let option_name: HashMap<i32, (i32, String)> = options
        .iter()
        .map(|o| (o.id, (o.product_id, o.name.clone())))
        .collect();
    let values = product_option_value::Entity::find()
        .filter(product_option_value::Column::OptionId.is_in(option_name.keys().copied()))
        .all(conn)
        .await?;
    let value_of: HashMap<i32, &product_option_value::Model> =
        values.iter().map(|v| (v.id, v)).collect();
    // Only values some variant actually has.
    let mut used: HashMap<i32, BTreeSet<(String, String)>> = HashMap::new();
    for chunk in variant_ids.chunks(500) {
        let links = variant_option_value::Entity::find()
            .filter(variant_option_value::Column::VariantId.is_in(chunk.iter().copied()))
            .all(conn)
            .await?;
        for link in links {
            let Some(v) = value_of.get(&link.option_value_id) else {
                continue;
            };
            if let Some((product_id, name)) = option_name.get(&v.option_id) {
                used.entry(*product_id)
                    .or_default()
                    .insert((name.clone(), v.value.clone()));
            }
        }
    }

    let mut prices: HashMap<i32, BTreeSet<String>> = HashMap::new();
    for v in &variants {
        prices
            .entry(v.product_id)
            .or_default()
            .insert(PriceBucket::of(v.price_minor).key());
    }

    Ok(products
        .into_iter()
        .map(|p| {
            let path = tree.path_to(p.category_id);
            // Every language's names: "Damen" finds what "Women" does.
            let mut category_names: Vec<String> = Vec::new();
            for c in &path {
                let names =
                    std::iter::once(&c.name).chain(tree.texts_of(c.id).iter().map(|t| &t.name));
                for name in names {
                    if !category_names.contains(name) {
                        category_names.push(name.clone());
                    }
                }
            }
            let option_pairs = used.remove(&p.id).unwrap_or_default();
            let alias_source = format!("{} {}", p.title, category_names.join(" "));
            let rating = RatingSummary::new(p.review_count, p.rating_sum);
            let (attributes, attribute_words) = crate::catalog::attribute_facet_values(
                tree,
                &attribute_values.remove(&p.id).unwrap_or_default(),
            );
            let localized = localized(&p, &translations.remove(&p.id).unwrap_or_default());
            let shown_in = |c: Currency| {
                shown
                    .get(&(p.id, c.code().to_owned()))
                    .copied()
                    .unwrap_or(p.price_min_minor)
            };
            SearchDoc {
                localized,
                attributes,
                attribute_values: attribute_words,
                id: p.id,
                aliases: text::aliases(&alias_source),
                categories: path.iter().map(|c| c.slug.clone()).collect(),
                category_names,
                option_values: option_pairs.iter().map(|(_, v)| v.clone()).collect(),
                options: option_pairs
                    .iter()
                    .map(|(n, v)| format!("{n}:{v}"))
                    .collect(),
                price_bucket: prices
                    .remove(&p.id)
                    .unwrap_or_default()
                    .into_iter()
                    .collect(),
                stock: if available.get(&p.id).copied().unwrap_or(0) > 0 {
                    IN_STOCK
                } else {
                    OUT_OF_STOCK
                }
                .to_owned(),
                rating_floor: rating_floor(rating.as_ref()),
                rating_rank: rating_rank(rating.as_ref()),
                price_min: p.price_min_minor,
                price_min_usd: shown_in(Currency::Usd),
                price_min_eur: shown_in(Currency::Eur),
                price_min_gbp: shown_in(Currency::Gbp),
                price_min_jpy: shown_in(Currency::Jpy),
                created: p.created_at.unix_timestamp(),
                title: p.title,
                brand: p.brand,
                description: p.description,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(count: i32, sum: i32) -> Option<RatingSummary> {
        RatingSummary::new(count, sum)
    }

    #[test]
    fn an_average_reaches_the_whole_stars_below_it() {
        assert!(rating_floor(None).is_empty());
        // 4.5 (two reviews: 4 and 5) reaches 1 to 4.
        assert_eq!(rating_floor(summary(2, 9).as_ref()), ["1", "2", "3", "4"]);
        // 3.9 does not reach 4.
        assert_eq!(rating_floor(summary(10, 39).as_ref()), ["1", "2", "3"]);
        assert_eq!(rating_floor(summary(1, 1).as_ref()), ["1"]);
    }

    #[test]
    fn top_rated_orders_by_average_then_count() {
        let four_of_many = rating_rank(summary(40, 160).as_ref());
        let four_of_two = rating_rank(summary(2, 8).as_ref());
        let five_of_one = rating_rank(summary(1, 5).as_ref());
        assert!(five_of_one > four_of_many);
        assert!(four_of_many > four_of_two);
        assert!(four_of_two > rating_rank(None));
    }
}
