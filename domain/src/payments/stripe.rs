//! Stripe Checkout (hosted page, SAQ-A: card data never touches the shop)
//! through async-stripe, and the webhook that reports what happened.
//! Sessions carry line items computed on the server and an idempotency key
//! per attempt; webhooks are verified on the raw body (HMAC-SHA256, 300 s
//! tolerance) before anything is read from them.
use std::collections::HashMap;
use std::time::Duration;

use stripe::{Client, ClientBuilder, IdempotencyKey, RequestStrategy, StripeError, StripeRequest};
use stripe_checkout::checkout_session::{
    CreateCheckoutSession, CreateCheckoutSessionLineItems, CreateCheckoutSessionLineItemsPriceData,
    ProductData,
};
use stripe_checkout::{CheckoutSessionMode, CheckoutSessionPaymentStatus};
use stripe_core::refund::CreateRefund;
use stripe_webhook::{EventObject, Webhook};

use super::{
    CheckoutRequest, EventKind, PaymentError, PaymentEvent, PaymentGateway, StartedCheckout,
};

pub struct StripeGateway {
    client: Client,
    webhook_secret: String,
}

/// Why a webhook delivery was refused (answered 400; Stripe retries).
#[derive(Debug, thiserror::Error)]
#[error("webhook refused: {0}")]
pub struct WebhookRejected(pub String);

fn key(k: &str) -> Result<IdempotencyKey, PaymentError> {
    IdempotencyKey::new(k).map_err(|e| PaymentError::Unavailable(format!("idempotency key: {e:?}")))
}

fn refused(e: StripeError) -> PaymentError {
    match e {
        StripeError::Stripe(api, status) => {
            let message = api
                .message
                .clone()
                .unwrap_or_else(|| "The payment could not be started.".into());
            tracing::warn!(status, code = ?api.code.as_ref().map(|c| c.as_str()), %message, "stripe refused a request");
            if status >= 500 {
                PaymentError::Unavailable(message)
            } else {
                PaymentError::Refused(message)
            }
        }
        other => PaymentError::Unavailable(other.to_string()),
    }
}

impl StripeGateway {
    /// `api_url`: Stripe's API base; tests point it at a local stand-in.
    pub fn new(
        secret_key: &str,
        webhook_secret: &str,
        api_url: Option<&str>,
    ) -> Result<Self, PaymentError> {
        let mut builder = ClientBuilder::new(secret_key).timeout(Duration::from_secs(20));
        if let Some(url) = api_url {
            let url = if url.ends_with('/') {
                url.to_owned()
            } else {
                format!("{url}/")
            };
            builder = builder.url(url);
        }
        let client = builder
            .build()
            .map_err(|e| PaymentError::Unavailable(format!("stripe client: {e}")))?;
        Ok(Self {
            client,
            webhook_secret: webhook_secret.to_owned(),
        })
    }

    /// Verifies and reads a webhook delivery.
    pub fn parse_webhook(
        &self,
        payload: &str,
        signature: &str,
    ) -> Result<PaymentEvent, WebhookRejected> {
        let event = Webhook::construct_event(payload, signature, &self.webhook_secret)
            .map_err(|e| WebhookRejected(format!("{e:?}")))?;
        let id = event.id.as_str().to_owned();
        let pi = |p: &Option<stripe_types::Expandable<stripe_core::PaymentIntent>>| {
            p.as_ref().map(|e| e.id().as_str().to_owned())
        };
        // An amount in a currency we do not sell in is no amount at all.
        let charged = |minor: Option<i64>, currency: &Option<stripe_types::Currency>| {
            let currency = currency.as_ref()?.to_string().to_uppercase().parse().ok()?;
            Some(crate::Money::new(minor?, currency))
        };
        let kind = match event.data.object {
            EventObject::CheckoutSessionCompleted(s) => EventKind::SessionCompleted {
                reference: s.id.as_str().to_owned(),
                paid: matches!(
                    s.payment_status,
                    CheckoutSessionPaymentStatus::Paid
                        | CheckoutSessionPaymentStatus::NoPaymentRequired
                ),
                payment_id: pi(&s.payment_intent),
                amount: charged(s.amount_total, &s.currency),
            },
            EventObject::CheckoutSessionAsyncPaymentSucceeded(s) => EventKind::AsyncSucceeded {
                reference: s.id.as_str().to_owned(),
                payment_id: pi(&s.payment_intent),
                amount: charged(s.amount_total, &s.currency),
            },
            EventObject::CheckoutSessionAsyncPaymentFailed(s) => EventKind::AsyncFailed {
                reference: s.id.as_str().to_owned(),
            },
            EventObject::CheckoutSessionExpired(s) => EventKind::SessionExpired {
                reference: s.id.as_str().to_owned(),
            },
            EventObject::ChargeRefunded(c) => match pi(&c.payment_intent) {
                Some(payment_id) => EventKind::Refunded {
                    payment_id,
                    amount_refunded: c.amount_refunded,
                },
                None => EventKind::Other {
                    kind: "charge.refunded (no payment intent)".into(),
                },
            },
            _ => EventKind::Other {
                kind: event.type_.as_str().to_owned(),
            },
        };
        Ok(PaymentEvent { id, kind })
    }
}

#[async_trait::async_trait]
impl PaymentGateway for StripeGateway {
    fn provider(&self) -> &'static str {
        "stripe"
    }

    async fn start_checkout(
        &self,
        request: &CheckoutRequest,
    ) -> Result<StartedCheckout, PaymentError> {
        let currency: stripe_types::Currency = request
            .currency
            .code()
            .to_lowercase()
            .parse()
            .unwrap_or(stripe_types::Currency::USD);
        let items: Vec<CreateCheckoutSessionLineItems> = request
            .lines
            .iter()
            .map(|l| {
                let mut price = CreateCheckoutSessionLineItemsPriceData::new(currency.clone());
                price.unit_amount = Some(l.unit_amount);
                price.product_data = Some(ProductData::new(l.name.clone()));
                let mut item = CreateCheckoutSessionLineItems::new();
                item.price_data = Some(price);
                item.quantity = Some(l.quantity);
                item
            })
            .collect();
        let session = CreateCheckoutSession::new()
            .mode(CheckoutSessionMode::Payment)
            .line_items(items)
            .success_url(request.success_url.clone())
            .cancel_url(request.cancel_url.clone())
            .customer_email(request.email.clone())
            .locale(match request.locale {
                model::Locale::En => stripe_checkout::CheckoutSessionLocale::En,
                model::Locale::De => stripe_checkout::CheckoutSessionLocale::De,
                model::Locale::Fr => stripe_checkout::CheckoutSessionLocale::Fr,
            })
            .expires_at(request.expires_at)
            .client_reference_id(request.order_number.clone())
            .metadata(HashMap::from([
                ("order_number".to_owned(), request.order_number.clone()),
                ("order_id".to_owned(), request.order_public_id.clone()),
            ]))
            .customize()
            .request_strategy(RequestStrategy::Idempotent(key(&request.idempotency_key)?))
            .send(&self.client)
            .await
            .map_err(refused)?;
        let redirect_url = session
            .url
            .clone()
            .ok_or_else(|| PaymentError::Unavailable("checkout session without a URL".into()))?;
        Ok(StartedCheckout {
            reference: session.id.as_str().to_owned(),
            redirect_url,
        })
    }

    async fn refund(
        &self,
        payment_id: &str,
        amount: i64,
        idempotency_key: &str,
    ) -> Result<String, PaymentError> {
        let refund = CreateRefund::new()
            .payment_intent(payment_id.to_owned())
            .amount(amount)
            .customize()
            .request_strategy(RequestStrategy::Idempotent(key(idempotency_key)?))
            .send(&self.client)
            .await
            .map_err(refused)?;
        Ok(refund.id.as_str().to_owned())
    }
}
