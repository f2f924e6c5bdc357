use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::payment::{get_offline_payment, DecideOfflinePayment};
use crate::components::forms::{go_to, ActionError};

/// The offline gateway's stand-in for a card form: approve or decline.
#[component]
pub fn OfflinePaymentPage() -> impl IntoView {
    let params = use_params_map();
    let reference = move || params.read().get("reference").unwrap_or_default();
    let attempt = Resource::new_blocking(reference, get_offline_payment);
    let decide = ServerAction::<DecideOfflinePayment>::new();
    Effect::new(move |_| {
        if let Some(Ok(next)) = decide.value().get() {
            go_to(&next);
        }
    });
    view! {
        <Title text="Test payment" />
        <Meta name="robots" content="noindex" />
        <div class="mx-auto max-w-md py-8">
            <h1 class="mb-2 text-2xl font-bold">"Test payment"</h1>
            <p class="mb-6 text-sm text-slate-600">
                "This shop takes no real payments: this page stands in for the payment provider."
            </p>
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
                                        "Order " <strong>{a.order_number.clone()}</strong> " for "
                                        {a.email.clone()}
                                    </p>
                                    <p class="text-2xl font-bold" data-testid="payment-amount">
                                        {a.total.format()}
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
                                                    "Approve payment"
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
                                                    "Decline"
                                                </button>
                                            </div>
                                        }
                                            .into_any()
                                    } else {
                                        view! { <p>"This payment has already been settled."</p> }
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
