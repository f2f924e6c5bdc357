use leptos::prelude::*;

use super::layout::AccountLayout;
use crate::api::account::ResendVerification;
use crate::api::gift_cards::my_store_credit;
use crate::components::forms::{ActionError, Notice};
use crate::components::session::use_current_user;
use crate::locale::use_i18n;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i = use_i18n();
    let user = use_current_user();
    let resend = ServerAction::<ResendVerification>::new();
    let credit = Resource::new(|| (), |_| my_store_credit());
    view! {
        <AccountLayout title=i
            .t(
                "account-overview-title",
            )>
            {user
                .get()
                .map(|u| {
                    let greeting = i.f("account-greeting", &[("name", (&u.display_name()).into())]);
                    let signed_in_as = i.f("account-signed-in-as", &[("email", (&u.email).into())]);
                    view! {
                        <p class="text-lg" data-testid="account-greeting">
                            {greeting}
                        </p>
                        <p class="text-slate-600">{signed_in_as}</p>
                        <Suspense>
                            {move || Suspend::new(async move {
                                credit
                                    .await
                                    .ok()
                                    .flatten()
                                    .filter(|m| m.minor > 0)
                                    .map(|m| {
                                        view! {
                                            <p class="mt-2" data-testid="store-credit">
                                                {i.t("account-store-credit")}
                                                " "
                                                <strong>{i.money(&m)}</strong>
                                                " "
                                                {i.t("account-store-credit-note")}
                                            </p>
                                        }
                                    })
                            })}
                        </Suspense>
                        {(!u.email_verified)
                            .then(|| {
                                view! {
                                    <div
                                        class="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
                                        data-testid="verify-banner"
                                    >
                                        {i.t("account-verify-banner")}
                                        " "
                                        <button
                                            type="button"
                                            class="underline"
                                            on:click=move |_| {
                                                resend.dispatch(ResendVerification {});
                                            }
                                        >
                                            {i.t("account-verify-resend")}
                                        </button>
                                    </div>
                                }
                            })}
                        {move || {
                            matches!(resend.value().get(), Some(Ok(())))
                                .then(|| {
                                    view! { <Notice>{i.t("account-verify-sent")}</Notice> }
                                })
                        }}
                        <ActionError value=resend.value() />
                        <ul class="mt-6 grid gap-3 sm:grid-cols-2">
                            <li class="rounded-lg border border-slate-200 p-4">
                                <a href=i.href("/account/security") class="font-medium underline">
                                    {i.t("account-nav-security")}
                                </a>
                                <p class="text-sm text-slate-600">
                                    {if u.two_factor_enabled {
                                        i.t("account-two-factor-is-on")
                                    } else {
                                        i.t("account-two-factor-is-off")
                                    }}
                                </p>
                            </li>
                            <li class="rounded-lg border border-slate-200 p-4">
                                <a href=i.href("/account/addresses") class="font-medium underline">
                                    {i.t("account-nav-addresses")}
                                </a>
                                <p class="text-sm text-slate-600">
                                    {i.t("account-addresses-summary")}
                                </p>
                            </li>
                        </ul>
                    }
                })}
        </AccountLayout>
    }
}
