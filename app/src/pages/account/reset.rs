use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::session::ResetPassword;
use crate::components::forms::{go_to, ActionError, AuthCard, Field, Submit};

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let reset = ServerAction::<ResetPassword>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = reset.value().get() {
            go_to("/signin?reset=1");
        }
    });
    view! {
        <Title text="Choose a new password" />
        <Meta name="robots" content="noindex" />
        <AuthCard title="Choose a new password">
            <ActionForm action=reset attr:class="flex flex-col gap-4" attr:data-testid="reset-form">
                <ActionError value=reset.value() />
                <input type="hidden" name="token" value=token />
                <Field
                    label="New password"
                    name="password"
                    kind="password"
                    autocomplete="new-password"
                    hint="At least 12 characters. You'll be signed out everywhere."
                />
                <Submit label="Change password" pending=reset.pending().into() />
            </ActionForm>
        </AuthCard>
    }
}
