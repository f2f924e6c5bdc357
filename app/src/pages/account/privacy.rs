use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::layout::AccountLayout;
use crate::api::account::EraseAccount;
use crate::components::forms::{go_to, ActionError, Field, Submit};
use crate::locale::use_i18n;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let wrong_password = move || query.read().get("export").is_some();
    let erase = ServerAction::<EraseAccount>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = erase.value().get() {
            go_to(&i.href("/"));
        }
    });
    view! {
        <AccountLayout title=i.t("account-nav-privacy")>
            <div class="flex max-w-xl flex-col gap-10">
                <section class="flex flex-col gap-3">
                    <h2 class="text-lg font-semibold">{i.t("account-privacy-download-title")}</h2>
                    <p class="text-sm text-slate-600">{i.t("account-privacy-download-text")}</p>
                    <Show when=wrong_password>
                        <p role="alert" class="text-sm text-red-700">
                            {i.t("account-privacy-wrong-password")}
                        </p>
                    </Show>
                    // A plain form: the browser saves the response as a file.
                    <form
                        method="post"
                        action="/account/export"
                        class="flex flex-col gap-3"
                        data-testid="export-form"
                    >
                        <Field
                            label=i.t("account-current-password")
                            name="current_password"
                            kind="password"
                            autocomplete="current-password"
                        />
                        <button
                            type="submit"
                            class="self-start rounded-md border border-slate-300 px-3 py-2 text-sm"
                        >
                            {i.t("account-privacy-download")}
                        </button>
                    </form>
                </section>
                <section class="flex flex-col gap-3">
                    <h2 class="text-lg font-semibold text-red-800">
                        {i.t("account-privacy-delete-title")}
                    </h2>
                    <p class="text-sm text-slate-600">{i.t("account-privacy-delete-text")}</p>
                    <ActionForm
                        action=erase
                        attr:class="flex flex-col gap-3"
                        attr:data-testid="erase-form"
                    >
                        <ActionError value=erase.value() />
                        <Field
                            label=i.t("account-current-password")
                            name="current_password"
                            kind="password"
                            scope="erase"
                            autocomplete="current-password"
                        />
                        <Submit
                            label=i.t("account-privacy-delete")
                            pending=erase.pending().into()
                        />
                    </ActionForm>
                </section>
            </div>
        </AccountLayout>
    }
}
