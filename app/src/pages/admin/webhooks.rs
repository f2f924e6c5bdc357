//! `/admin/webhooks` (settings area): endpoints the shop POSTs signed events
//! to. A new endpoint's signing secret is shown once; each endpoint can be
//! turned off or on and removed, and its delivery log shows every attempt
//! with a button to send a delivery again.
use leptos::form::ActionForm;
use leptos::prelude::*;

use super::layout::AdminPage;
use crate::api::webhooks::{
    webhook_deliveries, webhooks, CreateWebhook, DeleteWebhook, RedeliverWebhook, SetWebhookEnabled,
};
use crate::components::forms::{error_text, ActionError, Field, Issues, Submit};
use crate::components::shown_once::ShownOnce;
use model::dates::date_time;
use model::webhooks::{EventType, WebhookDeliveryView, WebhookEndpointView};

#[component]
pub fn AdminWebhooksPage() -> impl IntoView {
    let create = ServerAction::<CreateWebhook>::new();
    let toggle = ServerAction::<SetWebhookEnabled>::new();
    let delete = ServerAction::<DeleteWebhook>::new();
    let endpoints = Resource::new_blocking(
        move || create.version().get() + toggle.version().get() + delete.version().get(),
        |_| webhooks(),
    );
    let issues = Issues::of(create.value());
    let shown = RwSignal::new(None::<i32>);
    view! {
        <AdminPage title="Webhooks">
            <p class="mb-6 max-w-2xl text-sm text-slate-600">
                "The shop POSTs events to these URLs, signed per Standard Webhooks: verify them with the endpoint's secret (see "
                <a class="underline" href="/api/docs">
                    "the API docs"
                </a> "). Failed deliveries are retried with growing pauses."
            </p>
            <section class="mb-10 flex flex-col gap-3" aria-labelledby="new-hook-h">
                <h2 id="new-hook-h" class="text-lg font-semibold">
                    "New endpoint"
                </h2>
                {move || {
                    create
                        .value()
                        .get()
                        .and_then(|r| r.ok())
                        .map(|made| {
                            view! {
                                <ShownOnce
                                    what="the signing secret"
                                    secret=made.secret
                                    testid="new-webhook-secret"
                                />
                            }
                        })
                }}
                <ActionForm
                    action=create
                    attr:class="flex max-w-xl flex-col gap-3"
                    attr:data-testid="webhook-form"
                >
                    {
                        issues.provide();
                        view! { <ActionError value=create.value() /> }
                    }
                    <Field label="URL" name="url" hint="https://… on a public address." />
                    <Field
                        label="Description"
                        name="description"
                        required=false
                        hint="What receives it, e.g. “ERP”."
                    />
                    <fieldset class="flex flex-col gap-1 text-sm">
                        <legend class="mb-1 font-medium">"Events"</legend>
                        {EventType::ALL
                            .iter()
                            .enumerate()
                            .map(|(i, event)| {
                                let id = format!("event-{}", event.as_str().replace('.', "-"));
                                let for_id = id.clone();
                                view! {
                                    <label for=for_id class="flex items-center gap-2">
                                        <input
                                            id=id
                                            type="checkbox"
                                            name=format!("events[{i}]")
                                            value=event.as_str()
                                        />
                                        <code>{event.as_str()}</code>
                                        <span class="text-slate-500">{event.label()}</span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    {move || {
                        issues
                            .message("events")
                            .map(|m| view! { <p class="text-sm text-red-700">{m}</p> })
                    }}
                    <Submit label="Add endpoint" pending=create.pending().into() />
                </ActionForm>
            </section>
            <section aria-labelledby="hooks-h">
                <h2 id="hooks-h" class="mb-3 text-lg font-semibold">
                    "Endpoints"
                </h2>
                <ActionError value=toggle.value() />
                <ActionError value=delete.value() />
                <Transition>
                    {move || Suspend::new(async move {
                        match endpoints.await {
                            Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                            Ok(list) if list.is_empty() => {
                                view! { <p class="text-sm text-slate-500">"No endpoints yet."</p> }
                                    .into_any()
                            }
                            Ok(list) => {
                                view! { <EndpointTable list toggle delete shown /> }.into_any()
                            }
                        }
                    })}
                </Transition>
                {move || shown.get().map(|id| view! { <DeliveryLog id /> })}
            </section>
        </AdminPage>
    }
}

#[component]
fn EndpointTable(
    list: Vec<WebhookEndpointView>,
    toggle: ServerAction<SetWebhookEnabled>,
    delete: ServerAction<DeleteWebhook>,
    shown: RwSignal<Option<i32>>,
) -> impl IntoView {
    view! {
        <table class="w-full text-sm" data-testid="webhook-list">
            <thead class="text-left text-slate-500">
                <tr>
                    <th>"URL"</th>
                    <th>"Events"</th>
                    <th>"Status"</th>
                    <th></th>
                </tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|e| {
                        let id = e.id;
                        let enabled = e.enabled;
                        let status = if enabled {
                            "on".to_owned()
                        } else {
                            e.disabled_reason.clone().unwrap_or_else(|| "off".into())
                        };
                        view! {
                            <tr
                                class="border-t border-slate-200 align-top"
                                data-testid="webhook-row"
                            >
                                <td class="py-2">
                                    <div class="break-all">{e.url.clone()}</div>
                                    <div class="text-slate-500">{e.description.clone()}</div>
                                </td>
                                <td>{EventType::join(&e.events)}</td>
                                <td data-testid="webhook-status">{status}</td>
                                <td class="flex flex-col items-start gap-1">
                                    <button
                                        type="button"
                                        class="underline"
                                        on:click=move |_| shown.set(Some(id))
                                    >
                                        "Deliveries"
                                    </button>
                                    <button
                                        type="button"
                                        class="underline"
                                        on:click=move |_| {
                                            toggle
                                                .dispatch(SetWebhookEnabled {
                                                    id,
                                                    enabled: !enabled,
                                                });
                                        }
                                    >
                                        {if enabled { "Turn off" } else { "Turn on" }}
                                    </button>
                                    <button
                                        type="button"
                                        class="underline text-red-700"
                                        on:click=move |_| {
                                            delete.dispatch(DeleteWebhook { id });
                                        }
                                    >
                                        "Remove"
                                    </button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn DeliveryLog(id: i32) -> impl IntoView {
    let redeliver = ServerAction::<RedeliverWebhook>::new();
    let log = Resource::new(
        move || redeliver.version().get(),
        move |_| webhook_deliveries(id),
    );
    view! {
        <h3 class="mb-2 mt-8 font-semibold">"Deliveries"</h3>
        <ActionError value=redeliver.value() />
        <Transition>
            {move || Suspend::new(async move {
                match log.await {
                    Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                    Ok(list) if list.is_empty() => {
                        view! { <p class="text-sm text-slate-500">"Nothing sent yet."</p> }
                            .into_any()
                    }
                    Ok(list) => view! { <DeliveryTable list redeliver /> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn last_answer(d: &WebhookDeliveryView) -> String {
    match d.log.first() {
        None => "—".into(),
        Some(a) => match (a.status_code, &a.error) {
            (Some(code), _) => format!("HTTP {code} in {} ms", a.latency_ms),
            (None, Some(e)) => e.clone(),
            (None, None) => "no answer".into(),
        },
    }
}

#[component]
fn DeliveryTable(
    list: Vec<WebhookDeliveryView>,
    redeliver: ServerAction<RedeliverWebhook>,
) -> impl IntoView {
    view! {
        <table class="w-full text-sm" data-testid="delivery-list">
            <thead class="text-left text-slate-500">
                <tr>
                    <th>"Event"</th>
                    <th>"Created"</th>
                    <th>"Status"</th>
                    <th>"Attempts"</th>
                    <th>"Last answer"</th>
                    <th></th>
                </tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|d| {
                        let delivery_id = d.id;
                        let answer = last_answer(&d);
                        view! {
                            <tr
                                class="border-t border-slate-200 align-top"
                                data-testid="delivery-row"
                            >
                                <td class="py-2">
                                    <div>{d.event_type.clone()}</div>
                                    <code class="text-xs text-slate-500">{d.event_id.clone()}</code>
                                </td>
                                <td>{date_time(d.created_at)}</td>
                                <td>{d.status.clone()}</td>
                                <td>{d.attempts}</td>
                                <td class="break-all">{answer}</td>
                                <td>
                                    <button
                                        type="button"
                                        class="underline"
                                        on:click=move |_| {
                                            redeliver.dispatch(RedeliverWebhook { delivery_id });
                                        }
                                    >
                                        "Redeliver"
                                    </button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
