use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::session::ResetPassword;
use crate::components::forms::{go_to, ActionError, AuthCard, Field, Submit};
use crate::locale::use_i18n;

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let reset = ServerAction::<ResetPassword>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = reset.value().get() {
            go_to(&i.href("/signin?reset=1"));
        }
    });
    view! {
        <Title text=i.t("auth-reset-title") />
        <Meta name="robots" content="noindex" />
        <AuthCard title=i.t("auth-reset-title")>
            <ActionForm action=reset attr:class="flex flex-col gap-4" attr:data-testid="reset-form">
                <ActionError value=reset.value() />
                <input type="hidden" name="token" value=token />
                <Field
                    label=i.t("auth-reset-password")
                    name="password"
                    kind="password"
                    autocomplete="new-password"
                    hint=i.t("auth-reset-password-hint")
                />
                <Submit label=i.t("auth-reset-submit") pending=reset.pending().into() />
            </ActionForm>
        </AuthCard>
    }
}
