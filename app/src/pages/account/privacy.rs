use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::layout::AccountLayout;
use crate::api::account::EraseAccount;
use crate::components::forms::{go_to, ActionError, Field, Submit};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let query = use_query_map();
    let wrong_password = move || query.read().get("export").is_some();
    let erase = ServerAction::<EraseAccount>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = erase.value().get() {
            go_to("/");
        }
    });
    view! {
        <AccountLayout title="Privacy">
            <div class="flex max-w-xl flex-col gap-10">
                <section class="flex flex-col gap-3">
                    <h2 class="text-lg font-semibold">"Download your data"</h2>
                    <p class="text-sm text-slate-600">
                        "Your profile, addresses, sign-ins and the orders placed in your account, as a JSON file."
                    </p>
                    <Show when=wrong_password>
                        <p role="alert" class="text-sm text-red-700">
                            "Your current password is not correct."
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
                            label="Current password"
                            name="current_password"
                            kind="password"
                            autocomplete="current-password"
                        />
                        <button
                            type="submit"
                            class="self-start rounded-md border border-slate-300 px-3 py-2 text-sm"
                        >
                            "Download my data"
                        </button>
                    </form>
                </section>
                <section class="flex flex-col gap-3">
                    <h2 class="text-lg font-semibold text-red-800">"Delete your account"</h2>
                    <p class="text-sm text-slate-600">
                        "Your profile, addresses, sign-ins and security settings are deleted, and your name, email address, phone number and street address are removed from your past orders. What stays, because tax law requires it: for each order, what was bought, the amounts, the tax and the country and region it went to — nothing that names you. This cannot be undone."
                    </p>
                    <ActionForm
                        action=erase
                        attr:class="flex flex-col gap-3"
                        attr:data-testid="erase-form"
                    >
                        <ActionError value=erase.value() />
                        <Field
                            label="Current password"
                            name="current_password"
                            kind="password"
                            scope="erase"
                            autocomplete="current-password"
                        />
                        <Submit label="Delete my account" pending=erase.pending().into() />
                    </ActionForm>
                </section>
            </div>
        </AccountLayout>
    }
}
