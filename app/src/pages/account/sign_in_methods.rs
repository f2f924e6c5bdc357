//! The security page's "Sign-in with other accounts": each identity
//! provider the shop offers, linked (with the email it vouched for, and
//! "Unlink") or not (a link to link it). Nothing when the shop offers none.
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::providers::SignInNotice;
use crate::api::identity::{get_sign_in_methods, UnlinkProvider};
use crate::components::forms::{ActionError, Notice};
use crate::locale::use_i18n;

#[component]
pub fn SignInMethodsSection() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let failed = query.read_untracked().get("signin").as_deref() == Some("failed");
    let linked_now = query.read_untracked().get("linked").is_some();
    let unlink = ServerAction::<UnlinkProvider>::new();
    let methods = Resource::new(move || unlink.version().get(), |_| get_sign_in_methods());
    view! {
        <Suspense>
            {move || {
                methods
                    .get()
                    .and_then(Result::ok)
                    .filter(|m| !m.providers.is_empty())
                    .map(|m| {
                        let rows = m
                            .providers
                            .iter()
                            .map(|p| {
                                let linked = m.linked.iter().find(|l| l.provider == p.id).cloned();
                                let id = p.id.clone();
                                let label = p.label.clone();
                                view! {
                                    <li
                                        class="flex items-center justify-between gap-4 py-3"
                                        data-testid=format!("provider-{}", p.id)
                                    >
                                        <div class="flex flex-col">
                                            <span class="font-medium">{label}</span>
                                            <span class="text-sm text-slate-600">
                                                {linked
                                                    .as_ref()
                                                    .map(|l| {
                                                        let email = i18n::Arg::from(l.email.as_str());
                                                        i.f("account-providers-linked", &[("email", email)])
                                                    })
                                                    .unwrap_or_else(|| {
                                                        i.t("account-providers-not-linked").to_owned()
                                                    })}
                                            </span>
                                        </div>
                                        {match linked {
                                            Some(_) => {
                                                view! {
                                                    <ActionForm action=unlink>
                                                        <input type="hidden" name="provider" value=id />
                                                        <button
                                                            type="submit"
                                                            class="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
                                                        >
                                                            {i.t("account-providers-unlink")}
                                                        </button>
                                                    </ActionForm>
                                                }
                                                    .into_any()
                                            }
                                            None => {
                                                view! {
                                                    <a
                                                        href=format!(
                                                            "/auth/oidc/{id}?link=1&next={}{}",
                                                            model::url::encode(&i.href("/account/security")),
                                                            i.lang_param(),
                                                        )
                                                        rel="external nofollow"
                                                        class="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
                                                    >
                                                        {i.t("account-providers-link")}
                                                    </a>
                                                }
                                                    .into_any()
                                            }
                                        }}
                                    </li>
                                }
                            })
                            .collect_view();
                        let password_note = (!m.has_password)
                            .then(|| {
                                view! {
                                    <p class="text-sm text-slate-600">
                                        {i.t("account-providers-no-password")}
                                    </p>
                                }
                            });
                        view! {
                            <section
                                aria-labelledby="linked-h"
                                class="flex flex-col gap-4"
                                data-testid="sign-in-methods"
                            >
                                <h2 id="linked-h" class="text-lg font-semibold">
                                    {i.t("account-providers-title")}
                                </h2>
                                <SignInNotice failed />
                                {linked_now
                                    .then(|| {
                                        view! {
                                            <Notice>{i.t("account-providers-linked-now")}</Notice>
                                        }
                                    })}
                                <ActionError value=unlink.value() />
                                {password_note}
                                <ul class="divide-y divide-slate-200">{rows}</ul>
                            </section>
                        }
                    })
            }}
        </Suspense>
    }
}
