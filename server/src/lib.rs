//! The `mercato` binary's library half: configuration, startup, the HTTP
//! router and the CLI commands. Integration tests drive it in-process.
// Leptos view types nest deeply; computing their layout needs the headroom.
#![recursion_limit = "256"]
pub mod api_v1;
pub mod backup;
pub mod change_feed;
pub mod cli;
pub mod commerce_config;
pub mod config;
pub mod files_config;
pub mod http;
pub mod identity_config;
pub mod metrics;
pub mod payments;
pub mod search_config;
pub mod secret_key;
pub mod security_config;
pub mod serving;
pub mod sessions;
pub mod site_settings;
pub mod startup;
pub mod telemetry;
pub mod workers;
