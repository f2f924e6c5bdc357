use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use super::providers::{ProviderButtons, SignInNotice};
use crate::api::session::{Login, SecondFactor};
use crate::components::forms::{go_to, ActionError, AuthCard, Field, Submit};
use crate::locale::use_i18n;
use model::accounts::LoginResult;

#[component]
pub fn SignInPage() -> impl IntoView {
    let i = use_i18n();
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
        <Title text=i.t("auth-sign-in") />
        <Meta name="robots" content="noindex" />
        <AuthCard title=i.t("auth-sign-in")>
            <SignInNotice failed />
            <Show when=reset_done>
                <p
                    role="status"
                    class="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
                >
                    {i.t("auth-signin-reset-done")}
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
                                label=i.t("auth-email")
                                name="email"
                                kind="email"
                                autocomplete="username"
                            />
                            <Field
                                label=i.t("auth-password")
                                name="password"
                                kind="password"
                                autocomplete="current-password"
                            />
                            <input type="hidden" name="next" value=next />
                            <Submit label=i.t("auth-sign-in") pending=login.pending().into() />
                        </ActionForm>
                        <ProviderButtons next=next() />
                        <div class="flex justify-between text-sm">
                            <a href=i.href("/forgot-password") class="text-slate-700 underline">
                                {i.t("auth-forgot-title")}
                            </a>
                            <a href=i.href("/signup") class="text-slate-700 underline">
                                {i.t("auth-create-account-title")}
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
                    <p class="text-sm text-slate-600">{i.t("auth-signin-code-intro")}</p>
                    <ActionError value=code.value() />
                    <Field label=i.t("auth-signin-code") name="code" autocomplete="one-time-code" />
                    <input type="hidden" name="next" value=next />
                    <Submit label=i.t("auth-signin-verify") pending=code.pending().into() />
                </ActionForm>
            </Show>
        </AuthCard>
    }
}
