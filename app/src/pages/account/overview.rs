use leptos::prelude::*;

use super::layout::AccountLayout;
use crate::api::account::ResendVerification;
use crate::api::gift_cards::my_store_credit;
use crate::components::forms::{ActionError, Notice};
use crate::components::session::use_current_user;

#[component]
pub fn AccountPage() -> impl IntoView {
    let user = use_current_user();
    let resend = ServerAction::<ResendVerification>::new();
    let credit = Resource::new(|| (), |_| my_store_credit());
    view! {
        <AccountLayout title="Your account">
            <Suspense>
                {move || Suspend::new(async move {
                    let user = user.0.await.ok().flatten();
                    user.map(|u| {
                        view! {
                            <p class="text-lg" data-testid="account-greeting">
                                "Hello, "
                                {u.display_name()}
                                "."
                            </p>
                            <p class="text-slate-600">"Signed in as " {u.email.clone()}</p>
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
                                                    "Store credit: "
                                                    <strong>{m.format()}</strong>
                                                    " — used at checkout when you choose."
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
                                            "Please confirm your email address using the link we sent you. "
                                            <button
                                                type="button"
                                                class="underline"
                                                on:click=move |_| {
                                                    resend.dispatch(ResendVerification {});
                                                }
                                            >
                                                "Send the link again"
                                            </button>
                                        </div>
                                    }
                                })}
                            {move || {
                                matches!(resend.value().get(), Some(Ok(())))
                                    .then(|| view! { <Notice>"A new link is on its way."</Notice> })
                            }}
                            <ActionError value=resend.value() />
                            <ul class="mt-6 grid gap-3 sm:grid-cols-2">
                                <li class="rounded-lg border border-slate-200 p-4">
                                    <a href="/account/security" class="font-medium underline">
                                        "Security"
                                    </a>
                                    <p class="text-sm text-slate-600">
                                        {if u.two_factor_enabled {
                                            "Two-factor authentication is on."
                                        } else {
                                            "Two-factor authentication is off."
                                        }}
                                    </p>
                                </li>
                                <li class="rounded-lg border border-slate-200 p-4">
                                    <a href="/account/addresses" class="font-medium underline">
                                        "Addresses"
                                    </a>
                                    <p class="text-sm text-slate-600">
                                        "Shipping and billing addresses for checkout."
                                    </p>
                                </li>
                            </ul>
                        }
                    })
                })}
            </Suspense>
        </AccountLayout>
    }
}
