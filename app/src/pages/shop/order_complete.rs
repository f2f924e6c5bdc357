use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::orders::get_order_by_id;
use crate::components::order_detail::OrderDetail;
use crate::locale::use_i18n;

/// Where the payment provider sends the shopper back. The order is paid
/// when the provider's event arrives, not because this page was reached:
/// until then it says so and checks again every few seconds.
#[component]
pub fn OrderCompletePage() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let tick = RwSignal::new(0u32);
    let order = Resource::new_blocking(move || (id(), tick.get()), |(id, _)| get_order_by_id(id));
    Effect::new(move |_| {
        let pending = order
            .get()
            .and_then(|r| r.ok())
            .is_some_and(|o| o.status == model::OrderStatus::PendingPayment);
        if pending {
            set_timeout(
                move || tick.update(|t| *t += 1),
                std::time::Duration::from_secs(2),
            );
        }
    });
    view! {
        <Title text=i.t("checkout-thank-you-title") />
        <Meta name="robots" content="noindex" />
        <Transition>
            {move || Suspend::new(async move {
                match order.await {
                    Err(e) => {
                        view! { <p role="alert">{crate::components::forms::error_text(&e)}</p> }
                            .into_any()
                    }
                    Ok(o) => {
                        view! {
                            <h1 class="mb-2 text-2xl font-bold" data-testid="confirmation-title">
                                {if o.status == model::OrderStatus::PendingPayment {
                                    i.t("checkout-waiting-for-payment")
                                } else {
                                    i.t("checkout-thank-you")
                                }}
                            </h1>
                            <p class="mb-6 text-slate-600">
                                {i
                                    .f(
                                        "checkout-confirmation-sent",
                                        &[("email", o.email.as_str().into())],
                                    )}
                            </p>
                            <OrderDetail order=o />
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}
