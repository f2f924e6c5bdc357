//! Payments behind the [`PaymentGateway`] port: Stripe Checkout (hosted
//! redirect) or the built-in offline gateway. Either way the outcome comes
//! back as a [`PaymentEvent`] — from Stripe's webhook or the offline test
//! page — and `orders::Orders::apply_payment_event` is the one place that
//! acts on it.
mod offline;
pub mod stripe;

pub use stripe::{StripeGateway, WebhookRejected};

use serde::{Deserialize, Serialize};

use crate::money::Currency;

pub use offline::OfflineGateway;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutLine {
    pub name: String,
    pub unit_amount: i64,
    pub quantity: u64,
}

/// Everything a provider needs to take the money for one order attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckoutRequest {
    pub order_number: String,
    pub order_public_id: String,
    pub email: String,
    pub currency: Currency,
    /// Built on the server from the priced order; they add up to `total`.
    pub lines: Vec<CheckoutLine>,
    pub total: i64,
    /// Same attempt, same key: a retried request never creates a second session.
    pub idempotency_key: String,
    pub success_url: String,
    pub cancel_url: String,
    /// Unix seconds; the provider closes the session then.
    pub expires_at: i64,
    /// The shopper's language: the payment page speaks it too.
    pub locale: model::Locale,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartedCheckout {
    pub reference: String,
    pub redirect_url: String,
}

#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    /// The provider refused the request; `0` is safe to show the shopper.
    #[error("{0}")]
    Refused(String),
    /// The provider could not be reached or answered nonsense.
    #[error("payment provider unavailable: {0}")]
    Unavailable(String),
}

impl PaymentError {
    pub fn user_message(&self) -> String {
        match self {
            Self::Refused(m) => format!("The payment provider refused this payment: {m}"),
            Self::Unavailable(_) => {
                "We couldn't reach the payment provider. Your cart is unchanged; please try again in a moment."
                    .to_owned()
            }
        }
    }
}

impl From<PaymentError> for crate::Error {
    fn from(e: PaymentError) -> Self {
        match &e {
            PaymentError::Refused(_) => crate::Error::Conflict(e.user_message()),
            PaymentError::Unavailable(detail) => {
                tracing::warn!(%detail, "payment provider unavailable");
                crate::Error::Conflict(e.user_message())
            }
        }
    }
}

#[async_trait::async_trait]
pub trait PaymentGateway: Send + Sync {
    /// "stripe" or "offline".
    fn provider(&self) -> &'static str;
    async fn start_checkout(
        &self,
        request: &CheckoutRequest,
    ) -> Result<StartedCheckout, PaymentError>;
    /// Refunds `amount` of the payment (`payment_id`: Stripe's payment intent);
    /// returns the provider's refund id.
    async fn refund(
        &self,
        payment_id: &str,
        amount: i64,
        idempotency_key: &str,
    ) -> Result<String, PaymentError>;
}

/// What a provider told us happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentEvent {
    /// The provider's event id: each is applied once.
    pub id: String,
    pub kind: EventKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    /// The shopper finished checkout; `paid` is false while an async method
    /// (bank debit) is still settling.
    SessionCompleted {
        reference: String,
        paid: bool,
        payment_id: Option<String>,
        /// What the provider says was charged; an order is paid only when
        /// this is exactly its amount and currency.
        amount: Option<crate::Money>,
    },
    AsyncSucceeded {
        reference: String,
        payment_id: Option<String>,
        amount: Option<crate::Money>,
    },
    AsyncFailed {
        reference: String,
    },
    SessionExpired {
        reference: String,
    },
    /// `amount_refunded` is the payment's cumulative refunded amount.
    Refunded {
        payment_id: String,
        amount_refunded: i64,
    },
    /// A type we don't act on (recorded, so it is not retried forever).
    Other {
        kind: String,
    },
}

impl EventKind {
    pub fn name(&self) -> &str {
        match self {
            Self::SessionCompleted { .. } => "checkout.session.completed",
            Self::AsyncSucceeded { .. } => "checkout.session.async_payment_succeeded",
            Self::AsyncFailed { .. } => "checkout.session.async_payment_failed",
            Self::SessionExpired { .. } => "checkout.session.expired",
            Self::Refunded { .. } => "charge.refunded",
            Self::Other { kind } => kind,
        }
    }
}
