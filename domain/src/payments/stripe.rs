//! Stripe adapter: arrives next.
