//! What the server gives every request: services and site settings.
use domain::catalog::Catalog;

use super::types::SiteInfo;

#[derive(Clone)]
pub struct ServerContext {
    pub catalog: Catalog,
    pub site: SiteInfo,
}

impl ServerContext {
    pub fn current() -> Result<Self, leptos::prelude::ServerFnError> {
        leptos::prelude::use_context::<Self>()
            .ok_or_else(|| leptos::prelude::ServerFnError::new("server context missing"))
    }
}
