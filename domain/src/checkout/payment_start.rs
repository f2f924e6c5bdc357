//! Starting the payment for a placed order: the attempt is written in the
//! placing transaction, which commits before the gateway is asked for its
//! page (a crash in between leaves an unpaid order that expires, never a
//! charge without an order); if the gateway can't be reached the order is
//! given up at once, with its stock, promo use and balances back. An order
//! that gift cards and store credit paid in full skips the gateway.
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};
use time::OffsetDateTime;

use super::{Checkout, PlacedOrder};
use crate::entities::{order, payment};
use crate::orders::{transition, By, OrderStatus};
use crate::payments::{CheckoutLine, CheckoutRequest};
use crate::{inventory, Money, Result};

impl Checkout {
    /// Writes the attempt for `due` in `txn`, commits, and sends the
    /// shopper to the gateway's page.
    pub(super) async fn start_payment(
        &self,
        txn: DatabaseTransaction,
        o: order::Model,
        lines: Vec<CheckoutLine>,
        due: i64,
        expires: OffsetDateTime,
    ) -> Result<PlacedOrder> {
        let currency = crate::orders::order_currency(&o);
        let now = OffsetDateTime::now_utc();
        let key = uuid::Uuid::new_v4().simple().to_string();
        let pay = payment::ActiveModel {
            order_id: Set(o.id),
            provider: Set(self.c.gateway.provider().to_owned()),
            reference: Set(None),
            idempotency_key: Set(key.clone()),
            provider_payment_id: Set(None),
            amount_minor: Set(due),
            currency: Set(currency.code().to_owned()),
            status: Set("created".to_owned()),
            redirect_url: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        self.c.tally.placed(currency);

        let request = CheckoutRequest {
            order_number: o.number.clone(),
            order_public_id: o.public_id.clone(),
            email: o.email.clone(),
            currency,
            lines,
            total: due,
            idempotency_key: key,
            success_url: self
                .c
                .templates
                .link_in(&o.locale, &format!("/checkout/complete/{}", o.public_id)),
            cancel_url: self
                .c
                .templates
                .link_in(&o.locale, "/cart?payment=cancelled"),
            expires_at: expires.unix_timestamp(),
            locale: crate::orders::view::locale(&o),
        };
        match self.c.gateway.start_checkout(&request).await {
            Ok(started) => {
                payment::Entity::update_many()
                    .col_expr(payment::Column::Reference, Expr::value(started.reference))
                    .col_expr(
                        payment::Column::RedirectUrl,
                        Expr::value(started.redirect_url.clone()),
                    )
                    .col_expr(payment::Column::Status, Expr::value("pending"))
                    .filter(payment::Column::Id.eq(pay.id))
                    .exec(&self.c.db)
                    .await?;
                Ok(PlacedOrder {
                    id: o.id,
                    number: o.number,
                    public_id: o.public_id,
                    redirect_url: started.redirect_url,
                })
            }
            Err(e) => {
                // Compensate: the order never reached the provider, so give the stock back.
                let txn = crate::db::begin_write(&self.c.db).await?;
                transition(
                    &txn,
                    &o,
                    OrderStatus::Cancelled,
                    By::System,
                    "Payment could not be started",
                )
                .await?;
                inventory::release(&txn, o.id).await?;
                crate::orders::give_back_unpaid(&txn, o.id).await?;
                payment::Entity::update_many()
                    .col_expr(payment::Column::Status, Expr::value("failed"))
                    .filter(payment::Column::Id.eq(pay.id))
                    .exec(&txn)
                    .await?;
                txn.commit().await?;
                Err(e.into())
            }
        }
    }

    /// Gift cards and store credit covered the whole order: it is paid now,
    /// without the gateway, and the shopper goes straight to its page.
    pub(super) async fn paid_by_balances(
        &self,
        txn: sea_orm::DatabaseTransaction,
        o: order::Model,
    ) -> Result<PlacedOrder> {
        crate::orders::Orders::new(self.c.clone())
            .settle(&txn, &o, "Paid with gift card or store credit")
            .await?;
        txn.commit().await?;
        let currency = crate::orders::order_currency(&o);
        self.c.tally.placed(currency);
        self.c.tally.paid(Money::new(o.total_minor, currency));
        self.c.outbox.wake();
        Ok(PlacedOrder {
            redirect_url: self
                .c
                .templates
                .link_in(&o.locale, &format!("/checkout/complete/{}", o.public_id)),
            id: o.id,
            number: o.number,
            public_id: o.public_id,
        })
    }
}
