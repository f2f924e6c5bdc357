//! The audit log for admins.
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use model::AppError;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    /// "2026-11-21 14:05 UTC"
    pub at: String,
    pub who: String,
    pub action: String,
    pub entity: String,
    pub entity_ref: String,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPageView {
    pub q: String,
    pub entries: Vec<AuditEntryView>,
    pub total: u64,
    pub page: u64,
    pub page_count: u64,
}

#[server(prefix = "/api/staff", endpoint = "audit", input = GetUrl)]
pub async fn staff_audit_log(q: String, page: u64) -> Result<AuditPageView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let found = domain::audit::search(ctx.search.db(), &caller.actor, &q, page)
        .await
        .map_err(crate::request::errors::fail)?;
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    Ok(AuditPageView {
        q,
        entries: found
            .entries
            .into_iter()
            .map(|e| AuditEntryView {
                at: e.at.format(&format).unwrap_or_default(),
                who: e.who,
                action: e.action,
                entity: e.entity,
                entity_ref: e.entity_ref,
                before: e.before.unwrap_or_default(),
                after: e.after.unwrap_or_default(),
            })
            .collect(),
        total: found.total,
        page: found.page,
        page_count: found.page_count,
    })
}
