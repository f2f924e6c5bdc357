//! `/signin/link`: an identity provider vouched for an email that has an
//! account here; the shopper says whether that provider may sign in to it.
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::identity::{pending_link, CancelLink, ConfirmLink};
use crate::components::forms::{go_to, ActionError, AuthCard, Submit};
use model::accounts::LoginResult;

#[component]
pub fn SignInLinkPage() -> impl IntoView {
    let query = use_query_map();
    let next = query.read_untracked().get("next").unwrap_or_default();
    let confirm = ServerAction::<ConfirmLink>::new();
    let cancel = ServerAction::<CancelLink>::new();
    let pending = Resource::new(|| (), |_| pending_link());
    let next_after_code = next.clone();
    Effect::new(move |_| match confirm.value().get() {
        Some(Ok(LoginResult::SignedIn { next })) => go_to(&next),
        Some(Ok(LoginResult::NeedsCode)) => go_to(&format!(
            "/signin?step=code&next={}",
            model::url::encode(&next_after_code)
        )),
        _ => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = cancel.value().get() {
            go_to("/signin")
        }
    });
    view! {
        <Title text="Link your sign-in" />
        <Meta name="robots" content="noindex" />
        <AuthCard title="Link your sign-in">
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
                                            {format!(
                                                "{} says you own {}, which has an account here. Link them, and you can sign in to it with {} from now on.",
                                                link.label,
                                                link.email,
                                                link.label,
                                            )}
                                        </p>
                                        <ActionForm action=confirm attr:class="flex flex-col gap-2">
                                            <ActionError value=confirm.value() />
                                            <input type="hidden" name="next" value=next />
                                            <Submit
                                                label="Link and sign in"
                                                pending=confirm.pending().into()
                                            />
                                        </ActionForm>
                                        <ActionForm action=cancel>
                                            <button
                                                type="submit"
                                                class="w-full text-sm text-slate-700 underline"
                                            >
                                                "Don't link"
                                            </button>
                                        </ActionForm>
                                    </div>
                                }
                                    .into_any()
                            }
                            _ => {
                                view! {
                                    <p class="text-sm text-slate-700">
                                        "There is nothing to confirm. "
                                        <a href="/signin" class="underline">
                                            "Sign in"
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
