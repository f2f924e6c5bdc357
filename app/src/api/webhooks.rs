//! Webhook endpoints for staff with the settings area: list, register (the
//! signing secret is in the answer, once), turn on or off, remove, read the
//! delivery log, redeliver. The same service as the admin API's webhooks.
use leptos::prelude::*;
use model::webhooks::{CreatedWebhookEndpoint, WebhookDeliveryView, WebhookEndpointView};
use model::AppError;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

#[server(prefix = "/api/webhooks", endpoint = "list", input = leptos::server_fn::codec::GetUrl)]
pub async fn webhooks() -> Result<Vec<WebhookEndpointView>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.webhooks.list(&caller.actor).await.map_err(fail)
}

/// `events`: event type names from the form's boxes.
#[server(prefix = "/api/webhooks", endpoint = "create")]
pub async fn create_webhook(
    url: String,
    description: Option<String>,
    events: Option<Vec<String>>,
) -> Result<CreatedWebhookEndpoint, AppError> {
    use model::webhooks::{EventType, NewWebhookEndpoint};
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let names = events.unwrap_or_default();
    let parsed: Vec<EventType> = names
        .iter()
        .take(EventType::ALL.len() + 1)
        .filter_map(|n| EventType::parse(n))
        .collect();
    if parsed.len() != names.len() {
        return Err(crate::request::errors::respond_with(AppError::invalid(
            "events",
            "One of the events is not one the shop sends.",
        )));
    }
    let new = NewWebhookEndpoint {
        url,
        description: description.unwrap_or_default(),
        events: parsed,
    };
    ctx.webhooks.create(&caller.actor, &new).await.map_err(fail)
}

#[server(prefix = "/api/webhooks", endpoint = "set-enabled")]
pub async fn set_webhook_enabled(id: i32, enabled: bool) -> Result<WebhookEndpointView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.webhooks
        .set_enabled(&caller.actor, id, enabled)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/webhooks", endpoint = "delete")]
pub async fn delete_webhook(id: i32) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.webhooks.delete(&caller.actor, id).await.map_err(fail)
}

/// The newest deliveries to endpoint `id`, each with its latest attempts.
#[server(prefix = "/api/webhooks", endpoint = "deliveries", input = leptos::server_fn::codec::GetUrl)]
pub async fn webhook_deliveries(id: i32) -> Result<Vec<WebhookDeliveryView>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.webhooks
        .deliveries(&caller.actor, id, None)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/webhooks", endpoint = "redeliver")]
pub async fn redeliver_webhook(delivery_id: i64) -> Result<WebhookDeliveryView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.webhooks
        .redeliver(&caller.actor, delivery_id)
        .await
        .map_err(fail)
}
