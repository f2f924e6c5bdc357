use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use super::providers::{ProviderButtons, SignInNotice};
use crate::api::session::{Login, SecondFactor};
use crate::components::forms::{go_to, ActionError, AuthCard, Field, Submit};
use model::accounts::LoginResult;

#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let reset_done = move || query.read().get("reset").is_some();
    let failed = query.read_untracked().get("signin").as_deref() == Some("failed");
    let login = ServerAction::<Login>::new();
    let code = ServerAction::<SecondFactor>::new();
    // A provider's sign-in sends an account with 2FA here for its code.
    let needs_code = RwSignal::new(query.read_untracked().get("step").as_deref() == Some("code"));
    Effect::new(move |_| match login.value().get() {
        Some(Ok(LoginResult::SignedIn { next })) => go_to(&next),
        Some(Ok(LoginResult::NeedsCode)) => needs_code.set(true),
        _ => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(LoginResult::SignedIn { next })) = code.value().get() {
            go_to(&next)
        }
    });
    view! {
        <Title text="Sign in" />
        <Meta name="robots" content="noindex" />
        <AuthCard title="Sign in">
            <SignInNotice failed />
            <Show when=reset_done>
                <p
                    role="status"
                    class="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
                >
                    "Your password was changed. Sign in with the new one."
                </p>
            </Show>
            <Show
                when=move || needs_code.get()
                fallback=move || {
                    view! {
                        <ActionForm
                            action=login
                            attr:class="flex flex-col gap-4"
                            attr:data-testid="signin-form"
                        >
                            <ActionError value=login.value() />
                            <Field
                                label="Email"
                                name="email"
                                kind="email"
                                autocomplete="username"
                            />
                            <Field
                                label="Password"
                                name="password"
                                kind="password"
                                autocomplete="current-password"
                            />
                            <input type="hidden" name="next" value=next />
                            <Submit label="Sign in" pending=login.pending().into() />
                        </ActionForm>
                        <ProviderButtons next=next() />
                        <div class="flex justify-between text-sm">
                            <a href="/forgot-password" class="text-slate-700 underline">
                                "Forgot your password?"
                            </a>
                            <a href="/signup" class="text-slate-700 underline">
                                "Create an account"
                            </a>
                        </div>
                    }
                }
            >
                <ActionForm
                    action=code
                    attr:class="flex flex-col gap-4"
                    attr:data-testid="second-factor-form"
                >
                    <p class="text-sm text-slate-600">
                        "Enter the 6-digit code from your authenticator app, or one of your recovery codes."
                    </p>
                    <ActionError value=code.value() />
                    <Field label="Code" name="code" autocomplete="one-time-code" />
                    <input type="hidden" name="next" value=next />
                    <Submit label="Verify" pending=code.pending().into() />
                </ActionForm>
            </Show>
        </AuthCard>
    }
}
