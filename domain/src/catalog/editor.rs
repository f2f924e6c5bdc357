//! Creating and changing products: the editor's save and each product of
//! an import go through [`apply`], inside the caller's transaction. The
//! product row, options, variants, stock, price range, audit entry and the
//! search-index update are written together or not at all.
use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect, Set,
};
use time::OffsetDateTime;

use super::draft::{Issue, Known, ProductDraft};
use super::draft_load::{self, Stored};
use super::Catalog;
use crate::accounts::{Actor, Permission};
use crate::entities::{
    product, product_option, product_option_value, stock_reservation, variant,
    variant_option_value, warehouse,
};
use crate::inventory::{Origin, Reason};
use crate::money::Currency;
use crate::{Error, Result};
use model::webhooks::EventType;

/// Units the editor showed per (SKU, warehouse) when it loaded; a sale
/// since then turns the save into a conflict instead of a lost update.
pub type StockSeen = HashMap<(String, String), i32>;

/// Categories and warehouses that exist now, for validation.
pub struct KnownSets {
    /// With the attribute definitions drafts are checked against.
    pub tree: super::CategoryTree,
    pub categories: HashSet<String>,
    pub warehouses: HashSet<String>,
    pub category_ids: HashMap<String, i32>,
    pub warehouse_ids: HashMap<String, i32>,
}

impl KnownSets {
    pub async fn load<C: ConnectionTrait>(conn: &C) -> Result<Self> {
        let tree = super::CategoryTree::load(conn).await?;
        let houses = warehouse::Entity::find().all(conn).await?;
        Ok(Self {
            categories: tree.all().iter().map(|c| c.slug.clone()).collect(),
            category_ids: tree.all().iter().map(|c| (c.slug.clone(), c.id)).collect(),
            tree,
            warehouses: houses.iter().map(|w| w.code.clone()).collect(),
            warehouse_ids: houses.into_iter().map(|w| (w.code, w.id)).collect(),
        })
    }

    pub fn known(&self) -> Known<'_> {
        Known {
            categories: &self.categories,
            warehouses: &self.warehouses,
        }
    }

    /// The draft's rules, and its attribute values put in their stored
    /// forms (so a check must come before a comparison or a write).
    pub fn check(&self, draft: &mut ProductDraft) -> Vec<Issue> {
        let mut issues = draft.validate(&self.known());
        super::attributes::check(
            &self.tree,
            &draft.category,
            &mut draft.attributes,
            &mut issues,
        );
        issues
    }
}

/// One product's save: a draft plus where it came from.
pub struct Change<'a> {
    pub actor: &'a Actor,
    pub currency: Currency,
    pub reason: Reason,
    pub seen: &'a StockSeen,
}

/// Every issue at once, each under its form field (`variants.2.price` for a
/// variant's), so the editor can mark them all.
fn issues_to_error(issues: Vec<Issue>) -> Error {
    Error::invalid(issues.into_iter().map(|i| {
        let field = match i.variant {
            Some(v) => format!("variants.{v}.{}", i.field),
            None => i.field,
        };
        (field, i.message)
    }))
}

/// Clashes with other products: slug and SKUs must be unique shop-wide.
pub async fn clashes<C: ConnectionTrait>(
    conn: &C,
    draft: &ProductDraft,
    own_id: Option<i32>,
) -> Result<Vec<Issue>> {
    let mut out = Vec::new();
    let mut slug_q = product::Entity::find().filter(product::Column::Slug.eq(&draft.slug));
    if let Some(id) = own_id {
        slug_q = slug_q.filter(product::Column::Id.ne(id));
    }
    if slug_q.count(conn).await? > 0 {
        out.push(Issue {
            field: "slug".into(),
            message: format!(
                "Another product already uses the URL name {:?}.",
                draft.slug
            ),
            variant: None,
        });
    }
    let skus: Vec<String> = draft.variants.iter().map(|v| v.sku.clone()).collect();
    let mut taken_q = variant::Entity::find()
        .select_only()
        .column(variant::Column::Sku)
        .filter(variant::Column::Sku.is_in(skus));
    if let Some(id) = own_id {
        taken_q = taken_q.filter(variant::Column::ProductId.ne(id));
    }
    let taken: Vec<String> = taken_q.into_tuple().all(conn).await?;
    for sku in taken {
        out.push(Issue {
            field: "sku".into(),
            message: format!("The SKU {sku} belongs to another product."),
            variant: draft.variants.iter().position(|v| v.sku == sku),
        });
    }
    Ok(out)
}

/// Writes `draft` over `stored` (or as a new product). Returns the product
/// id, or `None` when nothing differed (no write, no audit entry).
pub async fn apply<C: ConnectionTrait>(
    conn: &C,
    known: &KnownSets,
    stored: Option<&Stored>,
    draft: &ProductDraft,
    change: &Change<'_>,
) -> Result<Option<i32>> {
    if stored.is_some_and(|s| s.draft == *draft) {
        return Ok(None);
    }
    let now = OffsetDateTime::now_utc();
    let category_id = *known
        .category_ids
        .get(&draft.category)
        .ok_or_else(|| Error::validation("category", "Choose a category."))?;
    let min = draft
        .variants
        .iter()
        .map(|v| v.price_minor)
        .min()
        .unwrap_or(0);
    let max = draft
        .variants
        .iter()
        .map(|v| v.price_minor)
        .max()
        .unwrap_or(0);
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let mut row = product::ActiveModel {
        slug: Set(draft.slug.clone()),
        title: Set(draft.title.clone()),
        description: Set(draft.description.clone()),
        brand: Set(draft.brand.clone()),
        status: Set(draft.status.clone()),
        category_id: Set(category_id),
        seo_title: Set(opt(&draft.seo_title)),
        seo_description: Set(opt(&draft.seo_description)),
        price_min_minor: Set(min),
        price_max_minor: Set(max),
        currency: Set(change.currency.code().to_owned()),
        featured: Set(draft.featured),
        low_stock_threshold: Set(draft.low_stock_threshold),
        updated_at: Set(now),
        ..Default::default()
    };
    let product_id = match stored {
        Some(s) => {
            row.id = Set(s.row.id);
            row.update(conn).await?;
            s.row.id
        }
        None => {
            row.created_at = Set(now);
            row.insert(conn).await?.id
        }
    };

    let empty = HashMap::new();
    let old_ids = stored.map_or(&empty, |s| &s.variant_ids);
    let options_changed = stored.is_none_or(|s| s.draft.options != draft.options);
    if options_changed && stored.is_some() {
        let ids: Vec<i32> = old_ids.values().copied().collect();
        variant_option_value::Entity::delete_many()
            .filter(variant_option_value::Column::VariantId.is_in(ids))
            .exec(conn)
            .await?;
        product_option::Entity::delete_many()
            .filter(product_option::Column::ProductId.eq(product_id))
            .exec(conn)
            .await?;
    }
    // (option index, value) → value id, when options were (re)written.
    let mut value_ids: HashMap<(usize, String), i32> = HashMap::new();
    if options_changed {
        for (oi, o) in draft.options.iter().enumerate() {
            let option_id = product_option::ActiveModel {
                product_id: Set(product_id),
                name: Set(o.name.clone()),
                position: Set(oi as i32),
                ..Default::default()
            }
            .insert(conn)
            .await?
            .id;
            for (vi, value) in o.values.iter().enumerate() {
                let id = product_option_value::ActiveModel {
                    option_id: Set(option_id),
                    value: Set(value.clone()),
                    position: Set(vi as i32),
                    ..Default::default()
                }
                .insert(conn)
                .await?
                .id;
                value_ids.insert((oi, value.clone()), id);
            }
        }
    }

    let keep: HashSet<&str> = draft.variants.iter().map(|v| v.sku.as_str()).collect();
    let gone: Vec<i32> = old_ids
        .iter()
        .filter(|(sku, _)| !keep.contains(sku.as_str()))
        .map(|(_, id)| *id)
        .collect();
    if !gone.is_empty() {
        let held = stock_reservation::Entity::find()
            .filter(stock_reservation::Column::VariantId.is_in(gone.iter().copied()))
            .filter(stock_reservation::Column::Status.eq(crate::inventory::HELD))
            .count(conn)
            .await?;
        if held > 0 {
            return Err(Error::Conflict(
                "A variant you removed is being bought right now. Try again in a few minutes."
                    .to_owned(),
            ));
        }
        variant::Entity::delete_many()
            .filter(variant::Column::Id.is_in(gone))
            .exec(conn)
            .await?;
    }

    let before_variants: HashMap<&str, &super::draft::VariantDraft> = stored
        .map(|s| {
            s.draft
                .variants
                .iter()
                .map(|v| (v.sku.as_str(), v))
                .collect()
        })
        .unwrap_or_default();
    for (position, v) in draft.variants.iter().enumerate() {
        let existing = old_ids.get(&v.sku).copied();
        let variant_id = match existing {
            Some(id) => {
                let unchanged = before_variants.get(v.sku.as_str()).is_some_and(|b| {
                    b.price_minor == v.price_minor
                        && b.compare_at_minor == v.compare_at_minor
                        && b.weight_grams == v.weight_grams
                        && b.values == v.values
                });
                if !unchanged || options_changed {
                    variant::Entity::update_many()
                        .col_expr(variant::Column::Title, Expr::value(v.title()))
                        .col_expr(variant::Column::PriceMinor, Expr::value(v.price_minor))
                        .col_expr(
                            variant::Column::CompareAtMinor,
                            Expr::value(v.compare_at_minor),
                        )
                        .col_expr(variant::Column::WeightGrams, Expr::value(v.weight_grams))
                        .col_expr(variant::Column::Position, Expr::value(position as i32))
                        .col_expr(
                            variant::Column::Currency,
                            Expr::value(change.currency.code()),
                        )
                        .filter(variant::Column::Id.eq(id))
                        .exec(conn)
                        .await?;
                }
                let cheaper = before_variants
                    .get(v.sku.as_str())
                    .is_some_and(|b| v.price_minor < b.price_minor);
                if cheaper {
                    crate::wishlist::alerts::price_changed(conn, id, v.price_minor).await?;
                }
                id
            }
            None => {
                variant::ActiveModel {
                    product_id: Set(product_id),
                    sku: Set(v.sku.clone()),
                    title: Set(v.title()),
                    price_minor: Set(v.price_minor),
                    compare_at_minor: Set(v.compare_at_minor),
                    currency: Set(change.currency.code().to_owned()),
                    weight_grams: Set(v.weight_grams),
                    image_id: Set(None),
                    position: Set(position as i32),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(conn)
                .await?
                .id
            }
        };
        let relink = options_changed
            || existing.is_none()
            || before_variants
                .get(v.sku.as_str())
                .is_some_and(|b| b.values != v.values);
        if relink {
            if existing.is_some() && !options_changed {
                variant_option_value::Entity::delete_many()
                    .filter(variant_option_value::Column::VariantId.eq(variant_id))
                    .exec(conn)
                    .await?;
            }
            let links = link_values(conn, product_id, &value_ids, &v.values).await?;
            for value_id in links {
                variant_option_value::ActiveModel {
                    variant_id: Set(variant_id),
                    option_value_id: Set(value_id),
                }
                .insert(conn)
                .await?;
            }
        }
        let current: HashMap<&str, i32> = before_variants
            .get(v.sku.as_str())
            .map(|b| b.stock.iter().map(|(w, n)| (w.as_str(), *n)).collect())
            .unwrap_or_default();
        for (code, target) in &v.stock {
            let Some(&warehouse_id) = known.warehouse_ids.get(code) else {
                continue;
            };
            let seen = change
                .seen
                .get(&(v.sku.clone(), code.clone()))
                .copied()
                .or_else(|| existing.and(current.get(code.as_str()).copied()));
            let origin = Origin {
                actor: Some(change.actor),
                order_id: None,
                note: "",
            };
            crate::inventory::set_stock(
                conn,
                variant_id,
                warehouse_id,
                seen,
                *target,
                change.reason,
                origin,
            )
            .await?;
        }
    }

    if stored.is_none_or(|s| s.draft.attributes != draft.attributes) {
        super::attributes::write(conn, &known.tree, product_id, &draft.attributes).await?;
    }

    let (action, before, after) = match stored {
        Some(s) => {
            // Variants and options count as whole fields.
            let (b, a) = crate::audit::changed_fields(&s.draft, draft);
            ("product.update", Some(b), Some(a))
        }
        None => (
            "product.create",
            None,
            Some(serde_json::to_value(draft).unwrap_or_default()),
        ),
    };
    crate::audit::record(
        conn,
        change.actor,
        action,
        "product",
        &draft.slug,
        before,
        after,
    )
    .await?;
    super::shown_prices::refresh(conn, &[product_id]).await?;
    crate::search::sync::enqueue(conn, vec![product_id]).await?;
    let event = if stored.is_some() {
        EventType::ProductUpdated
    } else {
        EventType::ProductCreated
    };
    crate::webhooks::events::product(conn, event, product_id).await?;
    Ok(Some(product_id))
}

/// Option value ids for one variant's values: from this save's new options,
/// or looked up when the options were kept.
async fn link_values<C: ConnectionTrait>(
    conn: &C,
    product_id: i32,
    fresh: &HashMap<(usize, String), i32>,
    values: &[String],
) -> Result<Vec<i32>> {
    if !fresh.is_empty() || values.is_empty() {
        return Ok(values
            .iter()
            .enumerate()
            .filter_map(|(oi, v)| fresh.get(&(oi, v.clone())).copied())
            .collect());
    }
    let options = product_option::Entity::find()
        .filter(product_option::Column::ProductId.eq(product_id))
        .all(conn)
        .await?;
    let mut options = options;
    options.sort_by_key(|o| (o.position, o.id));
    let mut out = Vec::new();
    for (o, value) in options.iter().zip(values) {
        if let Some(v) = product_option_value::Entity::find()
            .filter(product_option_value::Column::OptionId.eq(o.id))
            .filter(product_option_value::Column::Value.eq(value.as_str()))
            .one(conn)
            .await?
        {
            out.push(v.id);
        }
    }
    Ok(out)
}

impl Catalog {
    /// The editor's product, or `NotFound`.
    pub async fn product_draft(&self, actor: &Actor, slug: &str) -> Result<ProductDraft> {
        actor.require(Permission::Catalog)?;
        let ids = draft_load::ids_by_slug(&self.db, &[slug.to_owned()]).await?;
        let id = ids.get(slug).copied().ok_or(Error::not_found("product"))?;
        draft_load::load(&self.db, &[id])
            .await?
            .pop()
            .map(|s| s.draft)
            .ok_or(Error::not_found("product"))
    }

    /// Creates a product (`original` = None) or saves over the one with
    /// slug `original`. Returns the saved slug.
    pub async fn save_product(
        &self,
        actor: &Actor,
        currency: Currency,
        original: Option<&str>,
        mut draft: ProductDraft,
        seen: &StockSeen,
    ) -> Result<String> {
        actor.require(Permission::Catalog)?;
        draft.normalise();
        let txn = crate::db::begin_write(&self.db).await?;
        let known = KnownSets::load(&txn).await?;
        let mut issues = known.check(&mut draft);
        let stored = match original {
            Some(slug) => {
                let ids = draft_load::ids_by_slug(&txn, &[slug.to_owned()]).await?;
                let id = ids.get(slug).copied().ok_or(Error::not_found("product"))?;
                draft_load::load(&txn, &[id]).await?.pop()
            }
            None => None,
        };
        if issues.is_empty() {
            issues = clashes(&txn, &draft, stored.as_ref().map(|s| s.row.id)).await?;
        }
        if !issues.is_empty() {
            return Err(issues_to_error(issues));
        }
        let change = Change {
            actor,
            currency,
            reason: Reason::Edit,
            seen,
        };
        apply(&txn, &known, stored.as_ref(), &draft, &change).await?;
        txn.commit().await?;
        Ok(draft.slug)
    }
}
