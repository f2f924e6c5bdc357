//! Guests (no account) ask for a copy of their orders or the erasure of
//! their details; the mailed link opens the confirm page, whose plain form
//! posts to `/privacy/confirm` (a download, or a redirect back here).
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::privacy::RequestPrivacy;
use crate::components::forms::{ActionError, AuthCard, Field, Notice, Submit};

#[component]
pub fn PrivacyRequestPage() -> impl IntoView {
    let request = ServerAction::<RequestPrivacy>::new();
    let query = use_query_map();
    let done = move || query.read().get("done");
    view! {
        <Title text="Your data" />
        <Meta name="robots" content="noindex" />
        <AuthCard title="Your data">
            {move || match done().as_deref() {
                Some("erased") => {
                    Some(
                        view! {
                            <Notice>
                                "Done: your name, email address, phone number and street address are gone from your orders."
                            </Notice>
                        }
                            .into_any(),
                    )
                }
                Some("expired") => {
                    Some(
                        view! {
                            <p
                                role="alert"
                                class="text-sm text-red-700"
                                data-testid="privacy-expired"
                            >
                                "That link has expired or was used already. Ask again below."
                            </p>
                        }
                            .into_any(),
                    )
                }
                _ => None,
            }}
            <Show
                when=move || matches!(request.value().get(), Some(Ok(())))
                fallback=move || {
                    view! {
                        <ActionForm
                            action=request
                            attr:class="flex flex-col gap-4"
                            attr:data-testid="privacy-request-form"
                        >
                            <p class="text-sm text-slate-600">
                                "Bought without an account? Ask for a copy of what we hold about your orders, or for your name and contact details to be erased from them. We email a link to the address you used, to make sure it is yours. Have an account? Use Account → Privacy instead."
                            </p>
                            <ActionError value=request.value() />
                            <Field
                                label="Email used for your orders"
                                name="email"
                                kind="email"
                                autocomplete="email"
                            />
                            <fieldset class="flex flex-col gap-2 text-sm">
                                <legend class="font-medium text-slate-800">
                                    "What would you like?"
                                </legend>
                                <label class="flex gap-2">
                                    <input type="radio" name="kind" value="export" checked />
                                    "A copy of my order details"
                                </label>
                                <label class="flex gap-2">
                                    <input type="radio" name="kind" value="erase" />
                                    "Erase my details from my orders"
                                </label>
                            </fieldset>
                            <Submit label="Email me the link" pending=request.pending().into() />
                        </ActionForm>
                    }
                }
            >
                <Notice>
                    "If we have orders under that address, a link is on its way. It works once, for one hour."
                </Notice>
            </Show>
        </AuthCard>
    }
}

/// A button, not an automatic GET: mail scanners that open links must not
/// spend the token (or erase anything).
#[component]
pub fn PrivacyConfirmPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    view! {
        <Title text="Confirm your data request" />
        <Meta name="robots" content="noindex" />
        <AuthCard title="Confirm your data request">
            <form
                method="post"
                action="/privacy/confirm"
                class="flex flex-col gap-4"
                data-testid="privacy-confirm-form"
            >
                <input type="hidden" name="token" value=token />
                <p class="text-sm text-slate-600">
                    "Confirm to download your order details, or to erase your details from your orders — whichever you asked for. Erasure cannot be undone: what stays is what tax law requires (what was bought, the amounts and the country), nothing that names you."
                </p>
                <button
                    type="submit"
                    class="rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white"
                    data-testid="privacy-confirm"
                >
                    "Confirm"
                </button>
            </form>
        </AuthCard>
    }
}
