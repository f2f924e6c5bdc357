//! Category listing: one page of products straight from SQL (never the whole
//! catalog in memory), plus facet counts for brand and option values.
use sea_orm::{
    sea_query::{Expr, Func, SelectStatement},
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, FromQueryResult, JoinType, Order,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, RelationTrait, Select,
};

use std::sync::Arc;

use super::cards::to_cards;
use super::held_reads::{Counts, FilterKey};
use super::query::{ListingQuery, OptionFilter};
use super::types::{CategoryView, FacetValue, ListingSort, ListingState, OptionFacet, PAGE_SIZE};
use super::{Catalog, ProductStatus};
use crate::entities::{
    product, product_option, product_option_value, variant, variant_option_value,
};
use crate::money::{Currency, Money};
use model::fx::Currencies;

/// Which filter to leave out when counting a facet, so each facet shows
/// what picking another of its values would give.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Except<'a> {
    Nothing,
    Brands,
    Options,
    /// One attribute's filter, by code.
    Attribute(&'a str),
}

impl Catalog {
    /// `None` when no category has that slug.
    /// The price filter is typed in `shown`, the currency the page shows
    /// its prices in, and compared with the prices it shows.
    pub async fn category_listing(
        &self,
        slug: &str,
        pairs: &[(String, String)],
        currencies: &Currencies,
        shown: Currency,
    ) -> crate::Result<Option<CategoryView>> {
        // Before the tree: counts made from a tree read before a change
        // must not be kept after it.
        let generation = self.held.generation();
        let tree = self.tree().await?;
        let Some(category) = tree.by_slug(slug) else {
            return Ok(None);
        };
        // Prices in the URL are in the major unit of the currency the page
        // shows: "25" is €25 to a shopper paying in euros, "2500" ¥2,500 in
        // a yen shop.
        let shown = currencies.served_in(Some(shown));
        let mut query =
            ListingQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), shown);
        let typed = (query.price_min, query.price_max);
        query.priced_in(currencies, shown);
        super::attributes::listing::known(&tree, &mut query.attributes);
        let ids = tree.subtree_ids(category.id);
        let db = &self.db;
        let counts = self
            .counts(generation, &tree, category.id, &ids, &query)
            .await?;

        let filtered = product::Entity::find().filter(condition(&ids, &query, Except::Nothing));
        let total = counts.total;
        let page_count = total.div_ceil(PAGE_SIZE).max(1);
        query.page = query.page.min(page_count);

        let rows = order(filtered, &query)
            .offset(query.offset())
            .limit(PAGE_SIZE)
            .all(db)
            .await?;
        let products = to_cards(db, rows).await?;

        Ok(Some(CategoryView {
            category: tree.reference(category),
            description: category.description.clone(),
            breadcrumbs: tree.breadcrumbs(category.id),
            subcategories: tree
                .children_of(Some(category.id))
                .map(|c| tree.reference(c))
                .collect(),
            products,
            total,
            page: query.page,
            page_count,
            state: state(&query, typed, shown),
            brands: counts.brands.clone(),
            options: counts.options.clone(),
            attributes: counts.attributes.clone(),
            descriptions: tree
                .texts_of(category.id)
                .iter()
                .filter(|t| !t.description.is_empty())
                .map(|t| (t.locale, t.description.clone()))
                .collect(),
        }))
    }

    /// The filters' total and facet counts, held until a product or
    /// category changes; `generation` is the held reads' when the caller
    /// began reading.
    async fn counts(
        &self,
        generation: u64,
        tree: &super::CategoryTree,
        category: i32,
        ids: &[i32],
        q: &ListingQuery,
    ) -> crate::Result<Arc<Counts>> {
        let key = FilterKey::new(category, q);
        if let Some(counts) = self.held.counts(&key) {
            return Ok(counts);
        }
        let db = &self.db;
        let counts = Arc::new(Counts {
            total: product::Entity::find()
                .filter(condition(ids, q, Except::Nothing))
                .count(db)
                .await?,
            brands: brand_facet(db, ids, q).await?,
            options: option_facets(db, ids, q).await?,
            attributes: super::attributes::listing::facets(db, tree, q, |except| {
                let except = except.map_or(Except::Nothing, Except::Attribute);
                product::Entity::find()
                    .select_only()
                    .column(product::Column::Id)
                    .filter(condition(ids, q, except))
                    .into_query()
            })
            .await?,
        });
        self.held.keep_counts(generation, key, counts.clone());
        Ok(counts)
    }
}

/// The listing's filters as the page shows them, the price bounds as the
/// shopper typed them (`typed`, in `shown`).
fn state(q: &ListingQuery, typed: (Option<i64>, Option<i64>), shown: Currency) -> ListingState {
    let major = |minor| Money::new(minor, shown).decimal_string();
    ListingState {
        page: q.page,
        sort: q.sort,
        price_min: typed.0.map(major),
        price_max: typed.1.map(major),
        brands: q.brands.clone(),
        options: named(&q.options),
        attributes: named(&q.attributes),
    }
}

/// Filters as the page's links carry them: name (or code) → values.
fn named(filters: &[OptionFilter]) -> Vec<(String, Vec<String>)> {
    filters
        .iter()
        .map(|f| (f.name.clone(), f.values.clone()))
        .collect()
}

/// A price sort follows what the page shows (list prices can reorder a
/// converted catalog).
fn order(
    select: sea_orm::Select<product::Entity>,
    q: &ListingQuery,
) -> sea_orm::Select<product::Entity> {
    let price = || super::shown_prices::shown_price(q.prices_in);
    let (key, dir) = match q.sort {
        ListingSort::Newest => (Expr::col(product::Column::CreatedAt), Order::Desc),
        ListingSort::PriceAsc => (price(), Order::Asc),
        ListingSort::PriceDesc => (price(), Order::Desc),
        ListingSort::Name => (Expr::col(product::Column::Title), Order::Asc),
    };
    // The id tie-break keeps pages stable when many rows share a value.
    select.order_by(key, dir).order_by_asc(product::Column::Id)
}

fn condition(category_ids: &[i32], q: &ListingQuery, except: Except) -> Condition {
    let mut cond = Condition::all()
        .add(product::Column::Status.eq(ProductStatus::Active.as_str()))
        .add(product::Column::CategoryId.is_in(category_ids.iter().copied()));
    // Here only: its `min`/`max` would shadow the integers' elsewhere.
    use sea_orm::ExprTrait as _;
    let price = || super::shown_prices::shown_price(q.prices_in);
    if let Some(min) = q.price_min {
        cond = cond.add(price().gte(min));
    }
    if let Some(max) = q.price_max {
        cond = cond.add(price().lte(max));
    }
    if except != Except::Brands && !q.brands.is_empty() {
        cond = cond.add(product::Column::Brand.is_in(q.brands.iter().cloned()));
    }
    if except != Except::Options {
        for filter in &q.options {
            cond = cond.add(product::Column::Id.in_subquery(products_with_option(filter)));
        }
    }
    for filter in &q.attributes {
        if except != Except::Attribute(&filter.name) {
            cond = cond.add(
                product::Column::Id.in_subquery(super::attributes::listing::products_with(filter)),
            );
        }
    }
    cond
}

/// Joins variants to their option values and option names
/// (variants → variant_option_values → product_option_values → product_options).
fn with_option_values(select: Select<variant::Entity>) -> Select<variant::Entity> {
    select
        .join(
            JoinType::InnerJoin,
            variant_option_value::Relation::Variant.def().rev(),
        )
        .join(
            JoinType::InnerJoin,
            variant_option_value::Relation::OptionValue.def(),
        )
        .join(
            JoinType::InnerJoin,
            product_option_value::Relation::Option.def(),
        )
}

/// `SELECT product_id` of variants carrying any of the filter's values.
fn products_with_option(filter: &OptionFilter) -> SelectStatement {
    with_option_values(
        variant::Entity::find()
            .select_only()
            .column(variant::Column::ProductId),
    )
    .filter(product_option::Column::Name.eq(filter.name.clone()))
    .filter(product_option_value::Column::Value.is_in(filter.values.iter().cloned()))
    .into_query()
}

#[derive(FromQueryResult)]
struct BrandCount {
    brand: String,
    n: i64,
}

async fn brand_facet(
    db: &DatabaseConnection,
    ids: &[i32],
    q: &ListingQuery,
) -> crate::Result<Vec<FacetValue>> {
    let rows = product::Entity::find()
        .select_only()
        .column(product::Column::Brand)
        .column_as(Expr::from(Func::count(Expr::col(product::Column::Id))), "n")
        .filter(condition(ids, q, Except::Brands))
        .group_by(product::Column::Brand)
        .order_by_asc(product::Column::Brand)
        .into_model::<BrandCount>()
        .all(db)
        .await?;
    let mut facet: Vec<FacetValue> = rows
        .into_iter()
        .map(|r| FacetValue {
            selected: q.brands.contains(&r.brand),
            value: r.brand,
            count: r.n.max(0) as u64,
        })
        .collect();
    // A selected brand with no matches must stay visible so it can be unticked.
    for b in &q.brands {
        if !facet.iter().any(|f| &f.value == b) {
            facet.push(FacetValue {
                value: b.clone(),
                count: 0,
                selected: true,
            });
        }
    }
    Ok(facet)
}

#[derive(FromQueryResult)]
struct OptionCount {
    name: String,
    value: String,
    n: i64,
    option_pos: i32,
    value_pos: i32,
}

async fn option_facets(
    db: &DatabaseConnection,
    ids: &[i32],
    q: &ListingQuery,
) -> crate::Result<Vec<OptionFacet>> {
    let matching = product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .filter(condition(ids, q, Except::Options))
        .into_query();
    let rows = with_option_values(
        variant::Entity::find()
            .select_only()
            .column_as(
                Expr::col((product_option::Entity, product_option::Column::Name)),
                "name",
            )
            .column_as(
                Expr::col((
                    product_option_value::Entity,
                    product_option_value::Column::Value,
                )),
                "value",
            )
            .column_as(
                Expr::from(Func::count_distinct(Expr::col((
                    variant::Entity,
                    variant::Column::ProductId,
                )))),
                "n",
            )
            .column_as(
                Expr::from(Func::min(Expr::col((
                    product_option::Entity,
                    product_option::Column::Position,
                )))),
                "option_pos",
            )
            .column_as(
                Expr::from(Func::min(Expr::col((
                    product_option_value::Entity,
                    product_option_value::Column::Position,
                )))),
                "value_pos",
            ),
    )
    .filter(variant::Column::ProductId.in_subquery(matching))
    .group_by(Expr::col((
        product_option::Entity,
        product_option::Column::Name,
    )))
    .group_by(Expr::col((
        product_option_value::Entity,
        product_option_value::Column::Value,
    )))
    .into_model::<OptionCount>()
    .all(db)
    .await?;

    let mut rows = rows;
    // Positions are per product, so across products they only order the
    // options; values get a shopper's order (XS before S, 2Y before 10Y).
    rows.sort_by(|a, b| {
        (a.option_pos, &a.name, value_rank(&a.value), a.value_pos).cmp(&(
            b.option_pos,
            &b.name,
            value_rank(&b.value),
            b.value_pos,
        ))
    });
    let mut facets: Vec<OptionFacet> = Vec::new();
    for r in rows {
        let selected = q
            .options
            .iter()
            .any(|f| f.name == r.name && f.values.contains(&r.value));
        let value = FacetValue {
            value: r.value,
            count: r.n.max(0) as u64,
            selected,
        };
        match facets.iter_mut().find(|f| f.name == r.name) {
            Some(f) => f.values.push(value),
            None => facets.push(OptionFacet {
                name: r.name,
                values: vec![value],
            }),
        }
    }
    Ok(facets)
}

const LETTER_SIZES: [&str; 9] = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "4XL"];

/// Sort key for option values: letter sizes by size, values that start with
/// a number by that number ("2Y" < "10Y", "20 L" < "45 L"), the rest A–Z.
fn value_rank(value: &str) -> (u8, u64, String) {
    if let Some(i) = LETTER_SIZES
        .iter()
        .position(|s| s.eq_ignore_ascii_case(value))
    {
        return (0, i as u64, String::new());
    }
    let digits: String = value.chars().take_while(|c| c.is_ascii_digit()).collect();
    match digits.parse::<u64>() {
        Ok(n) => (1, n, value.to_lowercase()),
        Err(_) => (2, 0, value.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::value_rank;

    fn sorted(values: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = values.iter().map(|s| s.to_string()).collect();
        v.sort_by_key(|s| value_rank(s));
        v
    }

    #[test]
    fn option_values_sort_the_way_shoppers_read_them() {
        assert_eq!(
            sorted(&["L", "XS", "M", "XXL", "S", "XL"]),
            ["XS", "S", "M", "L", "XL", "XXL"]
        );
        assert_eq!(
            sorted(&["10Y", "2Y", "12Y", "4Y"]),
            ["2Y", "4Y", "10Y", "12Y"]
        );
        assert_eq!(
            sorted(&["12-18M", "0-3M", "6-12M", "3-6M"]),
            ["0-3M", "3-6M", "6-12M", "12-18M"]
        );
        assert_eq!(sorted(&["Red", "black", "Blue"]), ["black", "Blue", "Red"]);
    }
}
