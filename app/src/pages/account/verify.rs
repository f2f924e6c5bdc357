use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::session::VerifyEmail;
use crate::components::forms::{ActionError, AuthCard, Notice, Submit};

/// A button, not an automatic GET: mail scanners that open links must not
/// spend the token.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let verify = ServerAction::<VerifyEmail>::new();
    view! {
        <Title text="Confirm your email" />
        <Meta name="robots" content="noindex" />
        <AuthCard title="Confirm your email">
            {move || match verify.value().get() {
                Some(Ok(signed_in)) => {
                    view! {
                        <Notice>"Thank you, your email address is confirmed."</Notice>
                        <a
                            href=if signed_in { "/account" } else { "/signin" }
                            rel="external"
                            class="underline"
                            data-testid="continue"
                        >
                            {if signed_in { "Go to your account" } else { "Sign in" }}
                        </a>
                    }
                        .into_any()
                }
                _ => {
                    view! {
                        <ActionForm
                            action=verify
                            attr:class="flex flex-col gap-4"
                            attr:data-testid="verify-form"
                        >
                            <ActionError value=verify.value() />
                            <input type="hidden" name="token" value=token />
                            <p class="text-sm text-slate-600">
                                "Confirm that this email address belongs to you."
                            </p>
                            <Submit label="Confirm my email" pending=verify.pending().into() />
                        </ActionForm>
                    }
                        .into_any()
                }
            }}
        </AuthCard>
    }
}
