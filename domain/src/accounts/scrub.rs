//! Erasure of a person's details from the records the shop keeps after
//! they leave. Orders stay (tax law): what was bought, the amounts, tax and
//! the country and region it went to. Their name, email, phone and street
//! go — from the orders, from mail waiting in (or delivered through) the
//! outbox, and from the audit log.
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::entities::{audit_entry, order, outbox_message};
use crate::Result;

/// Which orders belong to the person being erased.
pub enum Whose<'a> {
    /// An account's orders and any guest orders under its address.
    Account { user_id: i32, email: &'a str },
    /// Guest orders (no account) under an address.
    Guest { email: &'a str },
}

/// Scrubs `whose` details everywhere, writing `placeholder` where an email
/// address must stay syntactically valid. `keep_outbox` is a message that
/// must still go out (the goodbye mail).
pub async fn scrub<C: ConnectionTrait>(
    conn: &C,
    whose: Whose<'_>,
    placeholder: &str,
    keep_outbox: Option<i64>,
) -> Result<u64> {
    let email = match whose {
        Whose::Account { email, .. } | Whose::Guest { email } => email,
    };
    let mut orders = order::Entity::find()
        .select_only()
        .column(order::Column::Id)
        .column(order::Column::ShippingAddress);
    orders = match whose {
        Whose::Account { user_id, .. } => orders.filter(
            order::Column::UserId
                .eq(user_id)
                .or(order::Column::Email.eq(email)),
        ),
        Whose::Guest { .. } => orders
            .filter(order::Column::Email.eq(email))
            .filter(order::Column::UserId.is_null()),
    };
    let rows: Vec<(i32, String)> = orders.into_tuple().all(conn).await?;
    for (id, address) in &rows {
        order::Entity::update_many()
            .col_expr(order::Column::Email, Expr::value(placeholder))
            .col_expr(
                order::Column::ShippingAddress,
                Expr::value(kept_address(address)),
            )
            .col_expr(
                order::Column::CheckoutKey,
                Expr::value(Option::<String>::None),
            )
            .filter(order::Column::Id.eq(*id))
            .exec(conn)
            .await?;
    }
    scrub_outbox(conn, email, keep_outbox).await?;
    scrub_audit(conn, email, placeholder).await?;
    Ok(rows.len() as u64)
}

/// What an erased order keeps of its address: where tax was owed.
fn kept_address(json: &str) -> String {
    let full: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let field = |name: &str| full.get(name).cloned().unwrap_or_else(|| "".into());
    serde_json::json!({ "country": field("country"), "region": field("region") }).to_string()
}

fn containing(email: &str) -> LikeExpr {
    let escaped = email
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

/// Mail to the person that has not gone out is dropped (they asked to be
/// forgotten); what went out is reduced to nothing that names them.
async fn scrub_outbox<C: ConnectionTrait>(conn: &C, email: &str, keep: Option<i64>) -> Result<()> {
    let mut rows = outbox_message::Entity::update_many()
        .col_expr(
            outbox_message::Column::Payload,
            Expr::value(r#"{"redacted":true}"#),
        )
        .col_expr(outbox_message::Column::Status, Expr::value("done"))
        .col_expr(
            outbox_message::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .filter(Expr::col(outbox_message::Column::Payload).like(containing(email)));
    if let Some(id) = keep {
        rows = rows.filter(outbox_message::Column::Id.ne(id));
    }
    rows.exec(conn).await?;
    Ok(())
}

/// Audit entries keep what staff did, not whom it named by email.
async fn scrub_audit<C: ConnectionTrait>(conn: &C, email: &str, placeholder: &str) -> Result<()> {
    let named = audit_entry::Entity::find()
        .filter(
            Expr::col(audit_entry::Column::EntityRef)
                .like(containing(email))
                .or(Expr::col(audit_entry::Column::Before).like(containing(email)))
                .or(Expr::col(audit_entry::Column::After).like(containing(email))),
        )
        .all(conn)
        .await?;
    for e in named {
        let swap = |s: &str| s.replace(email, placeholder);
        audit_entry::Entity::update_many()
            .col_expr(
                audit_entry::Column::EntityRef,
                Expr::value(swap(&e.entity_ref)),
            )
            .col_expr(
                audit_entry::Column::Before,
                Expr::value(e.before.as_deref().map(swap)),
            )
            .col_expr(
                audit_entry::Column::After,
                Expr::value(e.after.as_deref().map(swap)),
            )
            .filter(audit_entry::Column::Id.eq(e.id))
            .exec(conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::kept_address;

    #[test]
    fn an_erased_address_keeps_only_where_tax_was_owed() {
        let kept = kept_address(
            r#"{"full_name":"Pat Buyer","line1":"1 Main St","line2":"","city":"Springfield","region":"IL","postal_code":"62701","country":"US","phone":"555"}"#,
        );
        assert_eq!(kept, r#"{"country":"US","region":"IL"}"#);
        assert_eq!(kept_address("not json"), r#"{"country":"","region":""}"#);
    }
}
