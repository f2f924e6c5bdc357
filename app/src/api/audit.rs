//! The audit log for admins.
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use model::audit::AuditPage;
use model::AppError;

#[server(prefix = "/api/staff", endpoint = "audit", input = GetUrl)]
pub async fn staff_audit_log(q: String, page: u64) -> Result<AuditPage, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    domain::audit::search(ctx.search.db(), &caller.actor, &q, page)
        .await
        .map_err(crate::request::errors::fail)
}
