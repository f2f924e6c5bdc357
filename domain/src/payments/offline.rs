//! The default gateway when no Stripe key is set: a test payment page in the
//! shop itself (`/pay/offline/<reference>`) where the shopper approves or
//! declines. Its buttons produce the same [`PaymentEvent`]s Stripe's webhook
//! would, so the order flow is exercised end to end without a provider.
use super::{
    CheckoutRequest, EventKind, PaymentError, PaymentEvent, PaymentGateway, StartedCheckout,
};

pub struct OfflineGateway {
    public_url: String,
}

impl OfflineGateway {
    pub fn new(public_url: &str) -> Self {
        Self {
            public_url: public_url.trim_end_matches('/').to_owned(),
        }
    }

    /// The event the test page's "Approve" or "Decline" stands for; an
    /// approval pays `amount`.
    pub fn decision(reference: &str, approve: bool, amount: crate::Money) -> PaymentEvent {
        let id = format!("evt_off_{}", uuid::Uuid::new_v4().simple());
        let kind = if approve {
            EventKind::SessionCompleted {
                reference: reference.to_owned(),
                paid: true,
                payment_id: Some(format!(
                    "pi_off_{}",
                    reference.trim_start_matches("cs_off_")
                )),
                amount: Some(amount),
            }
        } else {
            EventKind::AsyncFailed {
                reference: reference.to_owned(),
            }
        };
        PaymentEvent { id, kind }
    }
}

#[async_trait::async_trait]
impl PaymentGateway for OfflineGateway {
    fn provider(&self) -> &'static str {
        "offline"
    }

    async fn start_checkout(
        &self,
        request: &CheckoutRequest,
    ) -> Result<StartedCheckout, PaymentError> {
        let reference = format!("cs_off_{}", uuid::Uuid::new_v4().simple());
        Ok(StartedCheckout {
            redirect_url: format!(
                "{}{}/pay/offline/{reference}",
                self.public_url,
                request.locale.link_prefix()
            ),
            reference,
        })
    }

    async fn refund(
        &self,
        _payment_id: &str,
        _amount: i64,
        _key: &str,
    ) -> Result<String, PaymentError> {
        Ok(format!("re_off_{}", uuid::Uuid::new_v4().simple()))
    }
}
