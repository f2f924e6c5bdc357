//! Guests (no account) ask for a copy of their orders or the erasure of
//! their details; the mailed link opens the confirm page, whose plain form
//! posts to `/privacy/confirm` (a download, or a redirect back here).
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::privacy::RequestPrivacy;
use crate::components::forms::{ActionError, AuthCard, Field, Notice, Submit};
use crate::locale::use_i18n;

#[component]
pub fn PrivacyRequestPage() -> impl IntoView {
    let i = use_i18n();
    let request = ServerAction::<RequestPrivacy>::new();
    let query = use_query_map();
    let done = move || query.read().get("done");
    let title = i.t("help-privacy-title");
    view! {
        <Title text=title />
        <Meta name="robots" content="noindex" />
        <AuthCard title=title>
            {move || match done().as_deref() {
                Some("erased") => {
                    Some(view! { <Notice>{i.t("help-privacy-erased")}</Notice> }.into_any())
                }
                Some("expired") => {
                    Some(
                        view! {
                            <p
                                role="alert"
                                class="text-sm text-red-700"
                                data-testid="privacy-expired"
                            >
                                {i.t("help-privacy-expired")}
                            </p>
                        }
                            .into_any(),
                    )
                }
                _ => None,
            }}
            <Show
                when=move || matches!(request.value().get(), Some(Ok(())))
                fallback=move || {
                    view! {
                        <ActionForm
                            action=request
                            attr:class="flex flex-col gap-4"
                            attr:data-testid="privacy-request-form"
                        >
                            <p class="text-sm text-slate-600">{i.t("help-privacy-intro")}</p>
                            <ActionError value=request.value() />
                            <Field
                                label=i.t("help-privacy-email")
                                name="email"
                                kind="email"
                                autocomplete="email"
                            />
                            <fieldset class="flex flex-col gap-2 text-sm">
                                <legend class="font-medium text-slate-800">
                                    {i.t("help-privacy-what")}
                                </legend>
                                <label class="flex gap-2">
                                    <input type="radio" name="kind" value="export" checked />
                                    {i.t("help-privacy-export")}
                                </label>
                                <label class="flex gap-2">
                                    <input type="radio" name="kind" value="erase" />
                                    {i.t("help-privacy-erase")}
                                </label>
                            </fieldset>
                            <Submit
                                label=i.t("help-privacy-submit")
                                pending=request.pending().into()
                            />
                        </ActionForm>
                    }
                }
            >
                <Notice>{i.t("help-privacy-sent")}</Notice>
            </Show>
        </AuthCard>
    }
}

/// A button, not an automatic GET: mail scanners that open links must not
/// spend the token (or erase anything).
#[component]
pub fn PrivacyConfirmPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    view! {
        <Title text=i.t("help-privacy-confirm-title") />
        <Meta name="robots" content="noindex" />
        <AuthCard title=i.t("help-privacy-confirm-title")>
            <form
                method="post"
                action="/privacy/confirm"
                class="flex flex-col gap-4"
                data-testid="privacy-confirm-form"
            >
                <input type="hidden" name="token" value=token />
                <p class="text-sm text-slate-600">{i.t("help-privacy-confirm-intro")}</p>
                <button
                    type="submit"
                    class="rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white"
                    data-testid="privacy-confirm"
                >
                    {i.t("help-privacy-confirm")}
                </button>
            </form>
        </AuthCard>
    }
}
