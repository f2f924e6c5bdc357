use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::session::Register;
use crate::components::forms::{ActionError, AuthCard, Checkbox, Field, Notice, Submit};
use crate::locale::use_i18n;

#[component]
pub fn SignUpPage() -> impl IntoView {
    let i = use_i18n();
    let register = ServerAction::<Register>::new();
    let done = move || matches!(register.value().get(), Some(Ok(())));
    view! {
        <Title text=i.t("auth-create-account-title") />
        <Meta name="robots" content="noindex" />
        <AuthCard title=i.t("auth-create-account-title")>
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
                            <input type="hidden" name="locale" value=i.locale.code() />
                            <Field
                                label=i.t("auth-signup-name")
                                name="name"
                                autocomplete="name"
                                required=false
                            />
                            <Field
                                label=i.t("auth-email")
                                name="email"
                                kind="email"
                                autocomplete="email"
                            />
                            <Field
                                label=i.t("auth-password")
                                name="password"
                                kind="password"
                                autocomplete="new-password"
                                hint=i.t("auth-signup-password-hint")
                            />
                            <Checkbox label=i.t("auth-signup-marketing") name="marketing_opt_in" />
                            <Submit
                                label=i.t("auth-signup-submit")
                                pending=register.pending().into()
                            />
                        </ActionForm>
                        <p class="text-sm">
                            {i.t("auth-signup-have-account")} " "
                            <a href=i.href("/signin") class="underline">
                                {i.t("auth-sign-in")}
                            </a>
                        </p>
                    }
                }
            >
                <Notice>{i.t("auth-signup-done")}</Notice>
            </Show>
        </AuthCard>
    }
}
