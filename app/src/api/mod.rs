//! `#[server]` functions, one file per area. They are thin: find the caller's
//! context, call a `domain` service, map the result to wire types.
pub mod catalog;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
mod errors;
pub mod site;
pub mod types;
