use leptos::form::ActionForm;
use leptos::prelude::*;

use super::layout::AccountLayout;
use crate::api::account::{get_profile, UpdateProfile};
use crate::components::forms::{ActionError, Checkbox, Field, Notice, Submit};
use crate::locale::use_i18n;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i = use_i18n();
    let update = ServerAction::<UpdateProfile>::new();
    let profile = Resource::new(move || update.version().get(), |_| get_profile());
    view! {
        <AccountLayout title=i.t("account-nav-profile")>
            <Suspense>
                {move || Suspend::new(async move {
                    profile
                        .await
                        .ok()
                        .map(|p| {
                            let email = i
                                .f("account-profile-email", &[("email", (&p.email).into())]);
                            view! {
                                <ActionForm
                                    action=update
                                    attr:class="flex max-w-md flex-col gap-4"
                                    attr:data-testid="profile-form"
                                >
                                    {move || {
                                        matches!(update.value().get(), Some(Ok(_)))
                                            .then(|| view! { <Notice>{i.t("account-saved")}</Notice> })
                                    }}
                                    <ActionError value=update.value() />
                                    <p class="text-sm text-slate-600">{email}</p>
                                    <Field
                                        label=i.t("account-field-name")
                                        name="name"
                                        autocomplete="name"
                                        value=p.name.clone()
                                        required=false
                                    />
                                    <Field
                                        label=i.t("account-field-phone")
                                        name="phone"
                                        kind="tel"
                                        autocomplete="tel"
                                        value=p.phone.clone()
                                        required=false
                                    />
                                    <Checkbox
                                        label=i.t("account-profile-marketing")
                                        name="marketing_opt_in"
                                        checked=p.marketing_opt_in
                                    />
                                    <Checkbox
                                        label=i.t("account-profile-review-requests")
                                        name="review_requests"
                                        checked=p.review_requests
                                    />
                                    <Checkbox
                                        label=i.t("account-profile-cart-reminders")
                                        name="cart_reminders"
                                        checked=p.cart_reminders
                                    />
                                    <label class="flex flex-col gap-1 text-sm font-medium">
                                        {i.t("account-profile-language")}
                                        <select
                                            name="locale"
                                            class="rounded-md border border-slate-300 px-3 py-2"
                                            data-testid="profile-language"
                                        >
                                            {model::Locale::ALL
                                                .iter()
                                                .map(|&l| {
                                                    view! {
                                                        <option value=l.code() selected=l == p.locale lang=l.code()>
                                                            {l.label()}
                                                        </option>
                                                    }
                                                })
                                                .collect_view()}
                                        </select>
                                        <span class="text-xs font-normal text-slate-500">
                                            {i.t("account-profile-language-hint")}
                                        </span>
                                    </label>
                                    <Submit
                                        label=i.t("account-save")
                                        pending=update.pending().into()
                                    />
                                </ActionForm>
                            }
                        })
                })}
            </Suspense>
        </AccountLayout>
    }
}
