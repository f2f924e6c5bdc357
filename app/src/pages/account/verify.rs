use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::session::VerifyEmail;
use crate::components::forms::{ActionError, AuthCard, Notice, Submit};
use crate::locale::use_i18n;

/// A button, not an automatic GET: mail scanners that open links must not
/// spend the token.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let verify = ServerAction::<VerifyEmail>::new();
    let title = i.t("auth-verify-title");
    view! {
        <Title text=title />
        <Meta name="robots" content="noindex" />
        <AuthCard title=title>
            {move || match verify.value().get() {
                Some(Ok(signed_in)) => {
                    view! {
                        <Notice>{i.t("auth-verify-done")}</Notice>
                        <a
                            href=i.href(if signed_in { "/account" } else { "/signin" })
                            rel="external"
                            class="underline"
                            data-testid="continue"
                        >
                            {if signed_in {
                                i.t("auth-verify-to-account")
                            } else {
                                i.t("auth-sign-in")
                            }}
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
                            <p class="text-sm text-slate-600">{i.t("auth-verify-intro")}</p>
                            <Submit
                                label=i.t("auth-verify-submit")
                                pending=verify.pending().into()
                            />
                        </ActionForm>
                    }
                        .into_any()
                }
            }}
        </AuthCard>
    }
}
