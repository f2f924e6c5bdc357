//! Attribute filters and facet counts of a category listing, straight from
//! SQL: each selected attribute's counts leave its own filter out (what
//! ticking another value would add); the others' come from one query with
//! every filter.
use sea_orm::sea_query::{Expr, ExprTrait as _, Query, SelectStatement};
use sea_orm::{ConnectionTrait, FromQueryResult, StatementBuilder};

use super::CategoryTree;
use crate::catalog::query::{ListingQuery, OptionFilter};
use crate::entities::{attribute, product_attribute};
use model::attributes::{AttributeFacet, AttributeFacetValue};

/// Each selected attribute costs one more count query.
pub const MAX_GROUPS: usize = 6;

/// Keeps the filters naming an attribute shoppers may filter by, at most
/// [`MAX_GROUPS`] of them: invented codes cost nothing.
pub fn known(tree: &CategoryTree, filters: &mut Vec<OptionFilter>) {
    filters.retain(|f| tree.attribute(&f.name).is_some_and(|a| a.def.is_facet()));
    filters.truncate(MAX_GROUPS);
}

/// Joins a value to its definition.
fn definition() -> Expr {
    Expr::col((attribute::Entity, attribute::Column::Id)).equals((
        product_attribute::Entity,
        product_attribute::Column::AttributeId,
    ))
}

/// `SELECT product_id` of products holding any of the filter's values.
pub fn products_with(filter: &OptionFilter) -> SelectStatement {
    Query::select()
        .column((
            product_attribute::Entity,
            product_attribute::Column::ProductId,
        ))
        .from(product_attribute::Entity)
        .inner_join(attribute::Entity, definition())
        .and_where(Expr::col((attribute::Entity, attribute::Column::Code)).eq(filter.name.clone()))
        .and_where(
            Expr::col((product_attribute::Entity, product_attribute::Column::Value))
                .is_in(filter.values.iter().cloned()),
        )
        .to_owned()
}

#[derive(FromQueryResult)]
struct Count {
    code: String,
    value: String,
    n: i64,
}

/// Which codes a count query covers.
enum Codes<'a> {
    Only(&'a str),
    AllBut(Vec<String>),
}

async fn count<C: ConnectionTrait>(
    db: &C,
    matching: SelectStatement,
    codes: Codes<'_>,
) -> crate::Result<Vec<Count>> {
    let code = Expr::col((attribute::Entity, attribute::Column::Code));
    let mut q = Query::select();
    q.expr_as(code.clone(), "code")
        .expr_as(
            Expr::col((product_attribute::Entity, product_attribute::Column::Value)),
            "value",
        )
        .expr_as(
            Expr::col((
                product_attribute::Entity,
                product_attribute::Column::ProductId,
            ))
            .count_distinct(),
            "n",
        )
        .from(product_attribute::Entity)
        .inner_join(attribute::Entity, definition())
        .and_where(Expr::col((attribute::Entity, attribute::Column::Filterable)).eq(true))
        .and_where(Expr::col((attribute::Entity, attribute::Column::Kind)).ne("text"))
        .and_where(
            Expr::col((
                product_attribute::Entity,
                product_attribute::Column::ProductId,
            ))
            .in_subquery(matching),
        )
        .group_by_col((attribute::Entity, attribute::Column::Code))
        .group_by_col((product_attribute::Entity, product_attribute::Column::Value));
    match codes {
        Codes::Only(c) => {
            q.and_where(code.eq(c));
        }
        Codes::AllBut(selected) if !selected.is_empty() => {
            q.and_where(code.is_not_in(selected));
        }
        Codes::AllBut(_) => {}
    }
    let backend = db.get_database_backend();
    let stmt = StatementBuilder::build(&q, &backend);
    Ok(Count::find_by_statement(stmt).all(db).await?)
}

/// The listing's attribute facets, in definition order. `matching(except)`
/// selects the ids of products passing every filter but attribute `except`'s.
pub async fn facets<C, F>(
    db: &C,
    tree: &CategoryTree,
    q: &ListingQuery,
    matching: F,
) -> crate::Result<Vec<AttributeFacet>>
where
    C: ConnectionTrait,
    F: Fn(Option<&str>) -> SelectStatement,
{
    if tree.attributes().is_empty() {
        return Ok(Vec::new());
    }
    let selected: Vec<String> = q.attributes.iter().map(|f| f.name.clone()).collect();
    let mut rows = count(db, matching(None), Codes::AllBut(selected)).await?;
    for f in &q.attributes {
        rows.extend(count(db, matching(Some(&f.name)), Codes::Only(&f.name)).await?);
    }
    let mut out = Vec::new();
    for held in tree.attributes() {
        let def = &held.def;
        let picked = q
            .attributes
            .iter()
            .find(|f| f.name == def.code)
            .map_or(&[][..], |f| f.values.as_slice());
        let mut values: Vec<AttributeFacetValue> = rows
            .iter()
            .filter(|r| r.code == def.code && r.n > 0)
            .map(|r| (r.value.as_str(), u64::try_from(r.n).unwrap_or(0)))
            .chain(picked.iter().map(|v| (v.as_str(), 0)))
            .fold(Vec::new(), |mut acc: Vec<AttributeFacetValue>, (v, n)| {
                if !acc.iter().any(|a| a.value == v) {
                    acc.push(AttributeFacetValue {
                        value: v.to_owned(),
                        label: def.label(v),
                        swatch: def.swatch(v),
                        count: n,
                        selected: picked.iter().any(|p| p == v),
                    });
                }
                acc
            });
        if values.is_empty() {
            continue;
        }
        values.sort_by_key(|v| def.rank(&v.value));
        out.push(AttributeFacet {
            code: def.code.clone(),
            name: def.name.clone(),
            values,
        });
    }
    Ok(out)
}
