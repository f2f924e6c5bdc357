//! Money lives in the `model` crate, shared with the browser.
pub use model::money::*;
