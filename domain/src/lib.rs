//! Mercato's business rules. No Leptos, no axum: the web layers call the
//! services here and map [`Error`] to their own status codes once.
pub mod accounts;
pub mod catalog;
pub mod db;
pub mod entities;
pub mod error;
pub mod mail;
pub mod money;
pub mod outbox;
pub mod seed;

pub use error::{Error, Result};
pub use money::{Currency, Money};

#[cfg(any(test, feature = "testing"))]
pub mod testing;
