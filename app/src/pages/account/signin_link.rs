//! `/signin/link`: an identity provider vouched for an email that has an
//! account here; the shopper says whether that provider may sign in to it.
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::identity::{pending_link, CancelLink, ConfirmLink};
use crate::components::forms::{go_to, ActionError, AuthCard, Submit};
use crate::locale::use_i18n;
use model::accounts::LoginResult;

#[component]
pub fn SignInLinkPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let next = query.read_untracked().get("next").unwrap_or_default();
    let confirm = ServerAction::<ConfirmLink>::new();
    let cancel = ServerAction::<CancelLink>::new();
    let pending = Resource::new(|| (), |_| pending_link());
    let next_after_code = next.clone();
    let explain = move |provider: &str, email: &str| {
        let args = [
            ("provider", i18n::Arg::from(provider)),
            ("email", i18n::Arg::from(email)),
        ];
        i.f("auth-link-explain", &args)
    };
    Effect::new(move |_| match confirm.value().get() {
        Some(Ok(LoginResult::SignedIn { next })) => go_to(&next),
        Some(Ok(LoginResult::NeedsCode)) => go_to(&i.href(&format!(
            "/signin?step=code&next={}",
            model::url::encode(&next_after_code)
        ))),
        _ => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = cancel.value().get() {
            go_to(&i.href("/signin"))
        }
    });
    view! {
        <Title text=i.t("auth-link-title") />
        <Meta name="robots" content="noindex" />
        <AuthCard title=i.t("auth-link-title")>
            <Suspense>
                {move || {
                    let next = next.clone();
                    pending
                        .get()
                        .map(move |found| match found {
                            Ok(Some(link)) => {
                                view! {
                                    <div class="flex flex-col gap-4" data-testid="link-confirm">
                                        <p class="text-sm text-slate-700">
                                            {explain(&link.label, &link.email)}
                                        </p>
                                        <ActionForm action=confirm attr:class="flex flex-col gap-2">
                                            <ActionError value=confirm.value() />
                                            <input type="hidden" name="next" value=next />
                                            <Submit
                                                label=i.t("auth-link-submit")
                                                pending=confirm.pending().into()
                                            />
                                        </ActionForm>
                                        <ActionForm action=cancel>
                                            <button
                                                type="submit"
                                                class="w-full text-sm text-slate-700 underline"
                                            >
                                                {i.t("auth-link-cancel")}
                                            </button>
                                        </ActionForm>
                                    </div>
                                }
                                    .into_any()
                            }
                            _ => {
                                view! {
                                    <p class="text-sm text-slate-700">
                                        {i.t("auth-link-nothing")} " "
                                        <a href=i.href("/signin") class="underline">
                                            {i.t("auth-sign-in")}
                                        </a>
                                    </p>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </AuthCard>
    }
}
