//! The offline gateway's test payment page: approve or decline drives the
//! same payment-event path as Stripe's webhook.
use leptos::prelude::*;
use model::AppError;

use model::commerce::PaymentPageView;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

#[cfg(feature = "ssr")]
fn offline_only(ctx: &crate::request::context::ServerContext) -> Result<(), AppError> {
    if ctx.commerce.gateway().provider() == "offline" {
        Ok(())
    } else {
        Err(fail(domain::Error::not_found("payment page")))
    }
}

#[server(prefix = "/api/pay/offline", endpoint = "get")]
pub async fn get_offline_payment(reference: String) -> Result<PaymentPageView, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    offline_only(&ctx)?;
    let a = ctx.orders.payment_attempt(&reference).await.map_err(fail)?;
    Ok(PaymentPageView {
        reference: a.reference,
        order_number: a.order_number,
        total: a.total,
        email: a.email,
        open: a.open,
    })
}

/// Approve or decline; returns where the shopper goes next.
#[server(prefix = "/api/pay/offline", endpoint = "decide")]
pub async fn decide_offline_payment(reference: String, approve: bool) -> Result<String, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let attempt = ctx
        .orders
        .decide_offline(&reference, approve)
        .await
        .map_err(fail)?;
    Ok(if approve {
        format!("/checkout/complete/{}", attempt.order_public_id)
    } else {
        "/cart?payment=declined".to_owned()
    })
}
