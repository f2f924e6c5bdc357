//! `/admin/api-tokens` (admins): tokens for the admin API. A new token's
//! secret is shown once, right after it is made; the list shows a prefix
//! to tell tokens apart, their scopes, last use and expiry.
use leptos::form::ActionForm;
use leptos::prelude::*;

use super::layout::AdminPage;
use crate::api::api_tokens::{api_tokens, CreateApiToken, RevokeApiToken};
use crate::components::forms::{error_text, ActionError, Field, Issues, Submit};
use crate::components::shown_once::ShownOnce;
use model::api_tokens::{ApiTokenView, Scope};
use model::dates::date_time;

#[component]
pub fn AdminApiTokensPage() -> impl IntoView {
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let tokens = Resource::new_blocking(
        move || create.version().get() + revoke.version().get(),
        |_| api_tokens(),
    );
    let issues = Issues::of(create.value());
    view! {
        <AdminPage title="API tokens">
            <p class="mb-6 max-w-2xl text-sm text-slate-600">
                "Tokens let other systems (an ERP, a fulfilment service) use the admin API at "
                <a class="underline" href="/api/docs">
                    "/api/docs"
                </a> ". A token can never do more than the admin who made it."
            </p>
            <section class="mb-10 flex flex-col gap-3" aria-labelledby="new-token-h">
                <h2 id="new-token-h" class="text-lg font-semibold">
                    "New token"
                </h2>
                {move || {
                    create
                        .value()
                        .get()
                        .and_then(|r| r.ok())
                        .map(|made| {
                            view! {
                                <ShownOnce
                                    what="this token"
                                    secret=made.secret
                                    testid="new-token-secret"
                                />
                            }
                        })
                }}
                <ActionForm
                    action=create
                    attr:class="flex max-w-xl flex-col gap-3"
                    attr:data-testid="token-form"
                >
                    {
                        issues.provide();
                        view! { <ActionError value=create.value() /> }
                    }
                    <Field label="Name" name="name" hint="What uses it, e.g. “ERP sync”." />
                    <fieldset class="grid grid-cols-[auto_auto_auto] gap-x-6 gap-y-1 text-sm">
                        <legend class="mb-1 font-medium">"Scopes"</legend>
                        {Scope::all()
                            .chunks(2)
                            .enumerate()
                            .map(|(row, pair)| {
                                let label = pair[0].area.label();
                                view! {
                                    <span>{label}</span>
                                    {pair
                                        .iter()
                                        .enumerate()
                                        .map(|(i, scope)| {
                                            let value = scope.to_string();
                                            let id = format!("scope-{}", value.replace(':', "-"));
                                            let for_id = id.clone();
                                            let text = if i == 0 { "read" } else { "write" };
                                            view! {
                                                <label for=for_id class="flex items-center gap-2">
                                                    <input
                                                        id=id
                                                        type="checkbox"
                                                        name=format!("scopes[{}]", row * 2 + i)
                                                        value=value
                                                    />
                                                    {text}
                                                </label>
                                            }
                                        })
                                        .collect_view()}
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    {move || {
                        issues
                            .message("scopes")
                            .map(|m| {
                                view! {
                                    <p class="text-sm text-red-700" data-testid="scopes-issue">
                                        {m}
                                    </p>
                                }
                            })
                    }}
                    <label for="token-expiry" class="text-sm font-medium">
                        "Expires"
                    </label>
                    <select
                        id="token-expiry"
                        name="expires_in_days"
                        class="max-w-xs rounded border border-slate-300 px-2 py-1"
                    >
                        <option value="30">"In 30 days"</option>
                        <option value="90" selected>
                            "In 90 days"
                        </option>
                        <option value="365">"In a year"</option>
                        <option value="">"Never"</option>
                    </select>
                    <Submit label="Make token" pending=create.pending().into() />
                </ActionForm>
            </section>
            <section aria-labelledby="tokens-h">
                <h2 id="tokens-h" class="mb-3 text-lg font-semibold">
                    "Tokens"
                </h2>
                <ActionError value=revoke.value() />
                <Transition>
                    {move || Suspend::new(async move {
                        match tokens.await {
                            Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                            Ok(list) if list.is_empty() => {
                                view! { <p class="text-sm text-slate-500">"No tokens yet."</p> }
                                    .into_any()
                            }
                            Ok(list) => view! { <TokenTable list revoke /> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </AdminPage>
    }
}

#[component]
fn TokenTable(list: Vec<ApiTokenView>, revoke: ServerAction<RevokeApiToken>) -> impl IntoView {
    view! {
        <table class="w-full text-sm" data-testid="token-list">
            <thead class="text-left text-slate-500">
                <tr>
                    <th>"Name"</th>
                    <th>"Token"</th>
                    <th>"Scopes"</th>
                    <th>"Last used"</th>
                    <th>"Expires"</th>
                    <th>"Status"</th>
                    <th></th>
                </tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|t| {
                        let active = t.active;
                        let id = t.id;
                        view! {
                            <tr class="border-t border-slate-200 align-top" data-testid="token-row">
                                <td class="py-2">{t.name.clone()}</td>
                                <td>
                                    <code>{format!("{}…", t.prefix)}</code>
                                </td>
                                <td>{Scope::join(&t.scopes)}</td>
                                <td>
                                    {t
                                        .last_used_at
                                        .map(date_time)
                                        .unwrap_or_else(|| "never".into())}
                                </td>
                                <td>
                                    {t.expires_at.map(date_time).unwrap_or_else(|| "never".into())}
                                </td>
                                <td>
                                    {if t.revoked_at.is_some() {
                                        "revoked"
                                    } else if active {
                                        "active"
                                    } else {
                                        "expired"
                                    }}
                                </td>
                                <td>
                                    {(t.revoked_at.is_none())
                                        .then(|| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="underline"
                                                    on:click=move |_| {
                                                        revoke.dispatch(RevokeApiToken { id });
                                                    }
                                                >
                                                    "Revoke"
                                                </button>
                                            }
                                        })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
