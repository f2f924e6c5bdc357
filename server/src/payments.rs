//! Chooses the payment gateway from the configuration: Stripe when a key is
//! set, the offline test gateway otherwise.
use std::sync::Arc;

use anyhow::Context as _;
use domain::payments::{OfflineGateway, PaymentGateway, StripeGateway};

use crate::config::Config;

pub struct Gateways {
    pub active: Arc<dyn PaymentGateway>,
    /// Present with Stripe: verifies `/webhooks/stripe`.
    pub stripe: Option<Arc<StripeGateway>>,
}

pub fn gateways(config: &Config) -> anyhow::Result<Gateways> {
    match &config.commerce.stripe {
        None => Ok(Gateways {
            active: Arc::new(OfflineGateway::new(&config.public_url)),
            stripe: None,
        }),
        Some(s) => {
            let stripe = Arc::new(
                StripeGateway::new(&s.secret_key, &s.webhook_secret, s.api_url.as_deref())
                    .context("MERCATO_STRIPE_* settings")?,
            );
            Ok(Gateways {
                active: stripe.clone(),
                stripe: Some(stripe),
            })
        }
    }
}
