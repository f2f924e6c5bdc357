//! The return rate for a period: units asked back in returns requested in
//! it (declined ones left out) over units sold in orders paid in it.
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, JoinType, QueryFilter, QuerySelect};
use serde::Serialize;
use time::OffsetDateTime;

use crate::entities::{order, order_item, order_return, return_line};
use crate::Result;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReturnTally {
    pub returns: u64,
    pub units_returned: i64,
    pub units_sold: i64,
}

pub(super) async fn tally(
    db: &DatabaseConnection,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<ReturnTally> {
    let of_return = return_line::Entity::belongs_to(order_return::Entity)
        .from(return_line::Column::ReturnId)
        .to(order_return::Column::Id)
        .into();
    let asked: Vec<(i32, i32)> = return_line::Entity::find()
        .select_only()
        .column(return_line::Column::ReturnId)
        .column(return_line::Column::Quantity)
        .join(JoinType::InnerJoin, of_return)
        .filter(order_return::Column::Status.ne("rejected"))
        .filter(order_return::Column::CreatedAt.gte(from))
        .filter(order_return::Column::CreatedAt.lt(to))
        .into_tuple()
        .all(db)
        .await?;
    let mut returns: Vec<i32> = asked.iter().map(|(r, _)| *r).collect();
    returns.sort_unstable();
    returns.dedup();
    let of_order = order_item::Entity::belongs_to(order::Entity)
        .from(order_item::Column::OrderId)
        .to(order::Column::Id)
        .into();
    let sold: Vec<i32> = order_item::Entity::find()
        .select_only()
        .column(order_item::Column::Quantity)
        .join(JoinType::InnerJoin, of_order)
        .filter(order::Column::PaidAt.gte(from))
        .filter(order::Column::PaidAt.lt(to))
        .into_tuple()
        .all(db)
        .await?;
    Ok(ReturnTally {
        returns: returns.len() as u64,
        units_returned: asked.iter().map(|(_, q)| i64::from(*q)).sum(),
        units_sold: sold.iter().map(|q| i64::from(*q)).sum(),
    })
}
