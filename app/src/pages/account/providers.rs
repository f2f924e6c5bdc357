//! "Continue with …" for each identity provider the shop offers, and the
//! notice a failed attempt left (`api::identity`). Plain links: the round
//! trip is the server's `/auth/oidc/{id}`, which works without JavaScript.
use leptos::prelude::*;
use model::accounts::SignInProvider;
use model::url::encode;

use crate::api::identity::{sign_in_notice, sign_in_providers};
use crate::locale::use_i18n;

/// The failed attempt's message, when the page was sent back with
/// `?signin=failed`.
#[component]
pub fn SignInNotice(failed: bool) -> impl IntoView {
    let notice = Resource::new(
        move || failed,
        |failed| async move {
            if failed {
                sign_in_notice().await.ok().flatten()
            } else {
                None
            }
        },
    );
    view! {
        <Suspense>
            {move || {
                notice
                    .get()
                    .flatten()
                    .map(|failed| {
                        let message = crate::components::forms::error_text(&failed);
                        view! {
                            <p
                                role="alert"
                                class="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
                                data-testid="signin-notice"
                            >
                                {message}
                            </p>
                        }
                    })
            }}
        </Suspense>
    }
}

/// One button per provider; `next` is where signing in leads.
#[component]
pub fn ProviderButtons(next: String) -> impl IntoView {
    let i = use_i18n();
    let providers = Resource::new(|| (), |_| sign_in_providers());
    let continue_with =
        move |provider: &str| i.f("auth-providers-continue", &[("provider", provider.into())]);
    view! {
        <Suspense>
            {move || {
                let next = next.clone();
                providers
                    .get()
                    .and_then(Result::ok)
                    .filter(|list| !list.is_empty())
                    .map(move |list| {
                        view! {
                            <div class="flex flex-col gap-2" data-testid="sign-in-providers">
                                <p class="text-center text-sm text-slate-500">
                                    {i.t("auth-providers-or")}
                                </p>
                                {list
                                    .into_iter()
                                    .map(|p: SignInProvider| {
                                        let href = format!(
                                            "/auth/oidc/{}?next={}{}",
                                            p.id,
                                            encode(&next),
                                            i.lang_param(),
                                        );
                                        view! {
                                            <a
                                                href=href
                                                rel="external nofollow"
                                                class="rounded-md border border-slate-300 px-4 py-2 text-center text-sm font-medium hover:bg-slate-50"
                                            >
                                                {continue_with(&p.label)}
                                            </a>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        }
                    })
            }}
        </Suspense>
    }
}
