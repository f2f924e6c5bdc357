use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::session::Register;
use crate::components::forms::{ActionError, AuthCard, Checkbox, Field, Notice, Submit};

#[component]
pub fn SignUpPage() -> impl IntoView {
    let register = ServerAction::<Register>::new();
    let done = move || matches!(register.value().get(), Some(Ok(())));
    view! {
        <Title text="Create an account" />
        <Meta name="robots" content="noindex" />
        <AuthCard title="Create an account">
            <Show
                when=done
                fallback=move || {
                    view! {
                        <ActionForm
                            action=register
                            attr:class="flex flex-col gap-4"
                            attr:data-testid="signup-form"
                        >
                            <ActionError value=register.value() />
                            <Field label="Name" name="name" autocomplete="name" required=false />
                            <Field label="Email" name="email" kind="email" autocomplete="email" />
                            <Field
                                label="Password"
                                name="password"
                                kind="password"
                                autocomplete="new-password"
                                hint="At least 12 characters. A few unrelated words make a strong passphrase."
                            />
                            <Checkbox label="Email me news and offers" name="marketing_opt_in" />
                            <Submit label="Create account" pending=register.pending().into() />
                        </ActionForm>
                        <p class="text-sm">
                            "Already have an account? " <a href="/signin" class="underline">
                                "Sign in"
                            </a>
                        </p>
                    }
                }
            >
                <Notice>
                    "Check your inbox: we sent a link to confirm your email address. "
                    "If you already have an account, we sent you a reminder instead."
                </Notice>
            </Show>
        </AuthCard>
    }
}
