//! The mail after a delivery asking the customer to review what arrived,
//! written to the outbox in the delivery's transaction. Only for customers
//! with an account (only they can review) who have not turned it off.
use std::collections::BTreeMap;

use minijinja::context;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entities::{order, order_item, product, user, variant};
use crate::mail::{MailKind, Templates};
use crate::Result;

pub(crate) async fn after_delivery<C: ConnectionTrait>(
    conn: &C,
    templates: &Templates,
    o: &order::Model,
) -> Result<()> {
    let Some(user_id) = o.user_id else {
        return Ok(());
    };
    let Some(customer) = user::Entity::find_by_id(user_id).one(conn).await? else {
        return Ok(());
    };
    if !customer.review_requests || customer.erased_at.is_some() || customer.disabled_at.is_some() {
        return Ok(());
    }
    let variant_ids: Vec<i32> = order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(o.id))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|i| i.variant_id)
        .collect();
    let product_ids: Vec<i32> = variant::Entity::find()
        .filter(variant::Column::Id.is_in(variant_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|v| v.product_id)
        .collect();
    // By title, each once; only what is still on sale can be reviewed.
    let products: BTreeMap<String, String> = product::Entity::find()
        .filter(product::Column::Id.is_in(product_ids))
        .filter(product::Column::Status.eq("active"))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| {
            (
                p.title,
                templates.link(&format!("/product/{}#reviews", p.slug)),
            )
        })
        .collect();
    if products.is_empty() {
        return Ok(());
    }
    let products: Vec<minijinja::Value> = products
        .into_iter()
        .map(|(title, url)| context! { title, url })
        .collect();
    templates
        .enqueue(
            conn,
            MailKind::ReviewRequest,
            &customer.email,
            context! {
                order => context! { number => &o.number },
                products,
                preferences_url => templates.link("/account/profile"),
            },
        )
        .await
}
