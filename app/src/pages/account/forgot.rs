use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::session::RequestPasswordReset;
use crate::components::forms::{ActionError, AuthCard, Field, Notice, Submit};

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let request = ServerAction::<RequestPasswordReset>::new();
    let done = move || matches!(request.value().get(), Some(Ok(())));
    view! {
        <Title text="Forgot your password?" />
        <Meta name="robots" content="noindex" />
        <AuthCard title="Forgot your password?">
            <Show
                when=done
                fallback=move || {
                    view! {
                        <ActionForm
                            action=request
                            attr:class="flex flex-col gap-4"
                            attr:data-testid="forgot-form"
                        >
                            <p class="text-sm text-slate-600">
                                "We'll email you a link to choose a new password."
                            </p>
                            <ActionError value=request.value() />
                            <Field label="Email" name="email" kind="email" autocomplete="email" />
                            <Submit label="Send reset link" pending=request.pending().into() />
                        </ActionForm>
                    }
                }
            >
                <Notice>
                    "If an account exists for that address, a reset link is on its way. It works for one hour."
                </Notice>
            </Show>
        </AuthCard>
    }
}
