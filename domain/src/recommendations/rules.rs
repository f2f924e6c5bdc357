//! The admin's view: what is recommended for a product and why (the
//! counts), and the pin/exclude rules (permission `catalog`, audited).
use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::accounts::{Actor, Permission};
use crate::entities::{product, product_signal, recommendation, recommendation_rule};
use crate::{Error, Result};

use super::{ExplainRow, RecommendationReport, Recommendations, Rule, Signals, ALSO_BOUGHT};

async fn product_by_slug(db: &sea_orm::DatabaseConnection, slug: &str) -> Result<product::Model> {
    product::Entity::find()
        .filter(product::Column::Slug.eq(slug.trim()))
        .one(db)
        .await?
        .ok_or(Error::not_found("product"))
}

impl Recommendations {
    pub async fn report(&self, actor: &Actor, slug: &str) -> Result<RecommendationReport> {
        actor.require(Permission::Catalog)?;
        let p = product_by_slug(&self.db, slug).await?;
        let rows = recommendation::Entity::find()
            .filter(recommendation::Column::ProductId.eq(p.id))
            .order_by_asc(recommendation::Column::Position)
            .all(&self.db)
            .await?;
        let rules = self.rules_of(p.id).await?;
        let mut ids: Vec<i32> = rows.iter().map(|r| r.recommended_id).collect();
        ids.extend(rules.iter().map(|(id, _)| *id));
        let products: HashMap<i32, product::Model> = product::Entity::find()
            .filter(product::Column::Id.is_in(ids.iter().copied()))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let stock = crate::catalog::availability(&self.db, &ids).await?;
        let rule_of: HashMap<i32, Rule> = rules.iter().copied().collect();
        let explain = |id: i32, score: i64| {
            products.get(&id).map(|o| ExplainRow {
                slug: o.slug.clone(),
                title: o.title.clone(),
                score,
                available: o.status == "active" && stock.get(&id).copied().unwrap_or(0) > 0,
                rule: rule_of.get(&id).copied(),
            })
        };
        let of_kind = |kind: &str| -> Vec<ExplainRow> {
            rows.iter()
                .filter(|r| r.kind == kind)
                .filter_map(|r| explain(r.recommended_id, r.score))
                .collect()
        };
        let signals = product_signal::Entity::find_by_id(p.id)
            .one(&self.db)
            .await?
            .map(|s| Signals {
                trending: s.trending,
                views: s.views,
                orders: s.orders,
                sold: s.sold,
            })
            .unwrap_or_default();
        Ok(RecommendationReport {
            also_bought: of_kind(ALSO_BOUGHT),
            similar: of_kind(super::SIMILAR),
            rules: rules.iter().filter_map(|(id, _)| explain(*id, 0)).collect(),
            shown: self.for_product(p.id, p.category_id).await?,
            signals,
            slug: p.slug,
            title: p.title,
        })
    }

    /// Pins or excludes `other` for the product `slug`; `None` removes the
    /// rule.
    pub async fn set_rule(
        &self,
        actor: &Actor,
        slug: &str,
        other: &str,
        rule: Option<Rule>,
    ) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let p = product_by_slug(&self.db, slug).await?;
        let o = product_by_slug(&self.db, other).await?;
        if p.id == o.id {
            return Err(Error::validation(
                "other",
                "A product can't be recommended for itself.",
            ));
        }
        let txn = crate::db::begin_write(&self.db).await?;
        recommendation_rule::Entity::delete_many()
            .filter(recommendation_rule::Column::ProductId.eq(p.id))
            .filter(recommendation_rule::Column::RecommendedId.eq(o.id))
            .exec(&txn)
            .await?;
        if let Some(rule) = rule {
            recommendation_rule::Entity::insert(recommendation_rule::ActiveModel {
                product_id: Set(p.id),
                recommended_id: Set(o.id),
                rule: Set(rule.as_str().to_owned()),
                created_at: Set(time::OffsetDateTime::now_utc()),
            })
            .exec_without_returning(&txn)
            .await?;
        }
        // The product row changing evicts its cached pages (change feed),
        // so the rule shows at once rather than at the cache's expiry.
        product::Entity::update_many()
            .col_expr(
                product::Column::UpdatedAt,
                sea_orm::sea_query::Expr::value(time::OffsetDateTime::now_utc()),
            )
            .filter(product::Column::Id.eq(p.id))
            .exec(&txn)
            .await?;
        crate::audit::record(
            &txn,
            actor,
            "recommendation.rule",
            "product",
            &p.slug,
            None,
            Some(serde_json::json!({ "other": o.slug, "rule": rule.map(Rule::as_str) })),
        )
        .await?;
        txn.commit().await?;
        // Here at once; other instances when the feed brings the product's change.
        self.catalog.forget_listings();
        Ok(())
    }
}
