use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::session::RequestPasswordReset;
use crate::components::forms::{ActionError, AuthCard, Field, Notice, Submit};
use crate::locale::use_i18n;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i = use_i18n();
    let request = ServerAction::<RequestPasswordReset>::new();
    let done = move || matches!(request.value().get(), Some(Ok(())));
    view! {
        <Title text=i.t("auth-forgot-title") />
        <Meta name="robots" content="noindex" />
        <AuthCard title=i.t("auth-forgot-title")>
            <Show
                when=done
                fallback=move || {
                    view! {
                        <ActionForm
                            action=request
                            attr:class="flex flex-col gap-4"
                            attr:data-testid="forgot-form"
                        >
                            <p class="text-sm text-slate-600">{i.t("auth-forgot-intro")}</p>
                            <ActionError value=request.value() />
                            <Field
                                label=i.t("auth-email")
                                name="email"
                                kind="email"
                                autocomplete="email"
                            />
                            <Submit
                                label=i.t("auth-forgot-submit")
                                pending=request.pending().into()
                            />
                        </ActionForm>
                    }
                }
            >
                <Notice>{i.t("auth-forgot-sent")}</Notice>
            </Show>
        </AuthCard>
    }
}
