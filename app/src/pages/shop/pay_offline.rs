use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::payment::{get_offline_payment, DecideOfflinePayment};
use crate::components::forms::{go_to, ActionError};
use crate::locale::use_i18n;

/// The offline gateway's stand-in for a card form: approve or decline.
#[component]
pub fn OfflinePaymentPage() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let reference = move || params.read().get("reference").unwrap_or_default();
    let attempt = Resource::new_blocking(reference, get_offline_payment);
    let decide = ServerAction::<DecideOfflinePayment>::new();
    Effect::new(move |_| {
        // The server names the page; the shopper stays in this language.
        if let Some(Ok(next)) = decide.value().get() {
            go_to(&i.href(&next));
        }
    });
    view! {
        <Title text=i.t("checkout-test-payment") />
        <Meta name="robots" content="noindex" />
        <div class="mx-auto max-w-md py-8">
            <h1 class="mb-2 text-2xl font-bold">{i.t("checkout-test-payment")}</h1>
            <p class="mb-6 text-sm text-slate-600">{i.t("checkout-test-payment-note")}</p>
            <Suspense>
                {move || Suspend::new(async move {
                    match attempt.await {
                        Err(e) => {
                            view! { <p role="alert">{crate::components::forms::error_text(&e)}</p> }
                                .into_any()
                        }
                        Ok(a) => {
                            view! {
                                <div class="flex flex-col gap-4 rounded-lg border border-slate-200 p-6">
                                    <p>
                                        {i.t("checkout-order")} " "
                                        <strong>{a.order_number.clone()}</strong> " "
                                        {i
                                            .f(
                                                "checkout-order-for",
                                                &[("email", a.email.as_str().into())],
                                            )}
                                    </p>
                                    <p class="text-2xl font-bold" data-testid="payment-amount">
                                        {i.money(&a.total)}
                                    </p>
                                    <ActionError value=decide.value() />
                                    {if a.open {
                                        let r1 = a.reference.clone();
                                        let r2 = a.reference.clone();
                                        view! {
                                            <div class="flex gap-3">
                                                <button
                                                    type="button"
                                                    class="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white"
                                                    data-testid="approve-payment"
                                                    on:click=move |_| {
                                                        decide
                                                            .dispatch(DecideOfflinePayment {
                                                                reference: r1.clone(),
                                                                approve: true,
                                                            });
                                                    }
                                                >
                                                    {i.t("checkout-approve-payment")}
                                                </button>
                                                <button
                                                    type="button"
                                                    class="rounded-md border border-slate-300 px-4 py-2"
                                                    data-testid="decline-payment"
                                                    on:click=move |_| {
                                                        decide
                                                            .dispatch(DecideOfflinePayment {
                                                                reference: r2.clone(),
                                                                approve: false,
                                                            });
                                                    }
                                                >
                                                    {i.t("checkout-decline-payment")}
                                                </button>
                                            </div>
                                        }
                                            .into_any()
                                    } else {
                                        view! { <p>{i.t("checkout-payment-settled")}</p> }
                                            .into_any()
                                    }}
                                </div>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}
