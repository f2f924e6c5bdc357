//! Serving: a few indexed reads of precomputed rows, then the cards of
//! what is sold and in stock now (never the product itself).
use std::collections::HashSet;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::catalog::{ProductCard, ShelfKey};
use crate::entities::{product, product_signal, recommendation, recommendation_rule};
use crate::Result;

use super::{ProductRecommendations, Recommendations, Rule, ALSO_BOUGHT, SHOWN, SIMILAR};

/// Candidates read per shelf: enough that a few out of stock still leave
/// `SHOWN`.
const CANDIDATES: u64 = 24;

impl Recommendations {
    /// Cards for `ids` in that order: active, in stock, not `skip`, at most
    /// `limit`, each once. One batch of card queries however many shelves
    /// the caller fills from it.
    async fn cards(
        &self,
        ids: &[i32],
        skip: &HashSet<i32>,
        limit: usize,
    ) -> Result<Vec<(i32, ProductCard)>> {
        let mut seen = HashSet::new();
        let wanted: Vec<i32> = ids
            .iter()
            .copied()
            .filter(|id| !skip.contains(id) && seen.insert(*id))
            .collect();
        Ok(crate::catalog::id_cards(&self.db, &wanted)
            .await?
            .into_iter()
            .filter(|(_, c)| c.in_stock)
            .take(limit)
            .collect())
    }

    /// The product page's shelves for product `product_id` in `category_id`:
    /// pins, then also-bought, topped up by the category's best sellers;
    /// then similar products not already shown. The candidates of all
    /// three are carded in one batch.
    pub async fn for_product(
        &self,
        product_id: i32,
        category_id: i32,
    ) -> Result<ProductRecommendations> {
        let rows: Vec<(String, i32)> = recommendation::Entity::find()
            .select_only()
            .column(recommendation::Column::Kind)
            .column(recommendation::Column::RecommendedId)
            .filter(recommendation::Column::ProductId.eq(product_id))
            .order_by_asc(recommendation::Column::Kind)
            .order_by_asc(recommendation::Column::Position)
            .limit(CANDIDATES * 2)
            .into_tuple()
            .all(&self.db)
            .await?;
        let rules = self.rules_of(product_id).await?;
        let mut skip: HashSet<i32> = rules
            .iter()
            .filter(|(_, r)| *r == Rule::Exclude)
            .map(|(id, _)| *id)
            .collect();
        skip.insert(product_id);
        let of_kind = |kind: &str| -> Vec<i32> {
            rows.iter()
                .filter(|(k, _)| k == kind)
                .map(|(_, id)| *id)
                .collect()
        };
        let mut also_ids: Vec<i32> = rules
            .iter()
            .filter(|(_, r)| *r == Rule::Pin)
            .map(|(id, _)| *id)
            .collect();
        also_ids.extend(of_kind(ALSO_BOUGHT));
        let similar_ids = of_kind(SIMILAR);
        let best = self.best_sellers(category_id).await?;
        let all: Vec<i32> = also_ids
            .iter()
            .chain(&best)
            .chain(&similar_ids)
            .copied()
            .collect();
        let carded: std::collections::HashMap<i32, ProductCard> = self
            .cards(&all, &skip, usize::MAX)
            .await?
            .into_iter()
            .collect();
        let mut shown = skip;
        let mut take = |ids: &[i32], n: usize| -> Vec<ProductCard> {
            let mut out = Vec::new();
            for id in ids {
                if out.len() == n {
                    break;
                }
                if let Some(card) = carded.get(id).filter(|_| shown.insert(*id)) {
                    out.push(card.clone());
                }
            }
            out
        };
        let mut also = take(&also_ids, SHOWN);
        let missing = SHOWN - also.len();
        also.extend(take(&best, missing));
        let similar = take(&similar_ids, SHOWN);
        Ok(ProductRecommendations {
            also_bought: also,
            similar,
        })
    }

    /// [`Self::for_product`] for an active product's slug.
    pub async fn for_slug(&self, slug: &str) -> Result<ProductRecommendations> {
        let slug = slug.trim();
        self.catalog
            .shelves(ShelfKey::Product(slug.to_owned()), self.read_for_slug(slug))
            .await
    }

    async fn read_for_slug(&self, slug: &str) -> Result<ProductRecommendations> {
        let (id, category_id): (i32, i32) = product::Entity::find()
            .select_only()
            .column(product::Column::Id)
            .column(product::Column::CategoryId)
            .filter(product::Column::Slug.eq(slug))
            .filter(product::Column::Status.eq("active"))
            .into_tuple()
            .one(&self.db)
            .await?
            .ok_or(crate::Error::not_found("product"))?;
        self.for_product(id, category_id).await
    }

    /// [`Self::for_cart`] for the products a cart's lines name, held
    /// between changes like a product's shelves.
    pub async fn for_cart_slugs(&self, slugs: &[String]) -> Result<Vec<ProductCard>> {
        let mut slugs: Vec<String> = slugs.iter().take(50).cloned().collect();
        slugs.sort_unstable();
        slugs.dedup();
        if slugs.is_empty() {
            return Ok(Vec::new());
        }
        let read = async {
            Ok(ProductRecommendations {
                also_bought: self.read_for_cart_slugs(&slugs).await?,
                similar: Vec::new(),
            })
        };
        let key = ShelfKey::Cart(slugs.clone());
        Ok(self.catalog.shelves(key, read).await?.also_bought)
    }

    async fn read_for_cart_slugs(&self, slugs: &[String]) -> Result<Vec<ProductCard>> {
        let ids: Vec<i32> = product::Entity::find()
            .select_only()
            .column(product::Column::Id)
            .filter(product::Column::Slug.is_in(slugs))
            .into_tuple()
            .all(&self.db)
            .await?;
        self.for_cart(&ids).await
    }

    /// The cart's "complete the look": what was bought with its products,
    /// by summed score, minus what is in it.
    pub async fn for_cart(&self, product_ids: &[i32]) -> Result<Vec<ProductCard>> {
        if product_ids.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i32> = product_ids.iter().copied().take(50).collect();
        let rows: Vec<(i32, i64)> = recommendation::Entity::find()
            .select_only()
            .column(recommendation::Column::RecommendedId)
            .column(recommendation::Column::Score)
            .filter(recommendation::Column::ProductId.is_in(ids.iter().copied()))
            .filter(recommendation::Column::Kind.eq(ALSO_BOUGHT))
            .limit(CANDIDATES * 10)
            .into_tuple()
            .all(&self.db)
            .await?;
        let excluded: Vec<i32> = recommendation_rule::Entity::find()
            .select_only()
            .column(recommendation_rule::Column::RecommendedId)
            .filter(recommendation_rule::Column::ProductId.is_in(ids.iter().copied()))
            .filter(recommendation_rule::Column::Rule.eq(Rule::Exclude.as_str()))
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut score: std::collections::HashMap<i32, i64> = std::collections::HashMap::new();
        for (id, s) in rows {
            *score.entry(id).or_default() += s;
        }
        let mut ranked: Vec<(i32, i64)> = score.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let order: Vec<i32> = ranked.into_iter().map(|(id, _)| id).collect();
        let skip: HashSet<i32> = ids.iter().copied().chain(excluded).collect();
        Ok(self
            .cards(&order, &skip, SHOWN)
            .await?
            .into_iter()
            .map(|(_, c)| c)
            .collect())
    }

    /// "Trending now" for the home page.
    pub async fn trending(&self, limit: usize) -> Result<Vec<ProductCard>> {
        let ids: Vec<i32> = product_signal::Entity::find()
            .select_only()
            .column(product_signal::Column::ProductId)
            .filter(product_signal::Column::Trending.gt(0))
            .order_by_desc(product_signal::Column::Trending)
            .order_by_asc(product_signal::Column::ProductId)
            .limit(CANDIDATES)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(self
            .cards(&ids, &HashSet::new(), limit.min(CANDIDATES as usize))
            .await?
            .into_iter()
            .map(|(_, c)| c)
            .collect())
    }

    /// A visitor's recently viewed products (slugs kept by their browser),
    /// newest first, as cards of what is still sold and in stock.
    pub async fn cards_for_slugs(&self, slugs: &[String]) -> Result<Vec<ProductCard>> {
        let slugs: Vec<&str> = slugs.iter().map(|s| s.trim()).take(12).collect();
        if slugs.is_empty() {
            return Ok(Vec::new());
        }
        let found: Vec<(i32, String)> = product::Entity::find()
            .select_only()
            .column(product::Column::Id)
            .column(product::Column::Slug)
            .filter(product::Column::Slug.is_in(slugs.iter().copied()))
            .into_tuple()
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = slugs
            .iter()
            .filter_map(|s| found.iter().find(|(_, f)| f == s).map(|(id, _)| *id))
            .collect();
        Ok(self
            .cards(&ids, &HashSet::new(), 8)
            .await?
            .into_iter()
            .map(|(_, c)| c)
            .collect())
    }

    /// Best sellers of a category (units sold over the last year).
    async fn best_sellers(&self, category_id: i32) -> Result<Vec<i32>> {
        use sea_orm::{ConnectionTrait, Statement};
        let placeholder = crate::db::placeholder(&self.db, 1);
        let sql = format!(
            "SELECT s.product_id FROM product_signals s JOIN products p ON p.id = s.product_id \
             WHERE p.category_id = {placeholder} AND s.sold > 0 \
             ORDER BY s.sold DESC, s.product_id LIMIT {CANDIDATES}"
        );
        let rows = self
            .db
            .query_all_raw(Statement::from_sql_and_values(
                self.db.get_database_backend(),
                sql,
                [category_id.into()],
            ))
            .await?;
        Ok(rows
            .iter()
            .filter_map(|r| r.try_get_by_index::<i32>(0).ok())
            .collect())
    }

    pub(super) async fn rules_of(&self, product_id: i32) -> Result<Vec<(i32, Rule)>> {
        let rows: Vec<(i32, String)> = recommendation_rule::Entity::find()
            .select_only()
            .column(recommendation_rule::Column::RecommendedId)
            .column(recommendation_rule::Column::Rule)
            .filter(recommendation_rule::Column::ProductId.eq(product_id))
            .order_by_asc(recommendation_rule::Column::CreatedAt)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, r)| Rule::parse(&r).map(|r| (id, r)))
            .collect())
    }
}
