//! The returns on the staff order page: each return with the steps its
//! status allows — approve (instructions are mailed) or decline (the
//! reason is mailed), receive what arrived per line (back on the shelf or
//! not), refund it (the shipping too, if chosen). `changed` is bumped after
//! each step so the order above shows its new refunded total and timeline.
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::returns::{
    order_returns, ApproveReturn, ReceiveReturn, RefundReturn, RejectReturn,
};
use crate::components::forms::{successes, ActionError, Submit};
use crate::components::return_card::ReturnCard;
use model::returns::{ReturnStatus, ReturnView};

const INPUT: &str = "rounded-md border border-slate-300 px-2 py-1 text-sm";

#[derive(Clone, Copy)]
struct Steps {
    approve: ServerAction<ApproveReturn>,
    reject: ServerAction<RejectReturn>,
    receive: ServerAction<ReceiveReturn>,
    refund: ServerAction<RefundReturn>,
}

#[component]
pub fn StaffReturns(number: String, changed: RwSignal<usize>) -> impl IntoView {
    let steps = Steps {
        approve: ServerAction::new(),
        reject: ServerAction::new(),
        receive: ServerAction::new(),
        refund: ServerAction::new(),
    };
    let done = {
        let (a, b, c, d) = (
            successes(steps.approve),
            successes(steps.reject),
            successes(steps.receive),
            successes(steps.refund),
        );
        Memo::new(move |_| a.get() + b.get() + c.get() + d.get())
    };
    Effect::new(move |before: Option<usize>| {
        let now = done.get();
        if before.is_some_and(|b| b != now) {
            changed.update(|n| *n += 1);
        }
        now
    });
    let panel = Resource::new(move || done.get(), move |_| order_returns(number.clone()));
    view! {
        <section class="mt-10" aria-labelledby="staff-returns" data-testid="staff-returns">
            <h2 id="staff-returns" class="mb-3 text-lg font-semibold">
                "Returns"
            </h2>
            <ActionError value=steps.approve.value() />
            <ActionError value=steps.reject.value() />
            <ActionError value=steps.receive.value() />
            <ActionError value=steps.refund.value() />
            <Transition>
                {move || Suspend::new(async move {
                    match panel.await {
                        Err(e) => {
                            view! { <p role="alert">{crate::components::forms::error_text(&e)}</p> }
                                .into_any()
                        }
                        Ok(p) if p.returns.is_empty() => {
                            view! { <p class="text-sm text-slate-600">"No returns asked for."</p> }
                                .into_any()
                        }
                        Ok(p) => {
                            p.returns
                                .into_iter()
                                .map(|r| view! { <StaffReturn r steps /> })
                                .collect_view()
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn StaffReturn(r: ReturnView, steps: Steps) -> impl IntoView {
    let status = r.status;
    let number = r.number.clone();
    let deciding = status == ReturnStatus::Requested;
    let receiving = matches!(status, ReturnStatus::Requested | ReturnStatus::Approved);
    let lines = r.lines.clone();
    let (n0, n1, n2, n3, n4) = (
        number.clone(),
        number.clone(),
        number.clone(),
        number.clone(),
        number,
    );
    view! {
        <div class="mb-6 flex flex-col gap-3" data-staff-return=n0>
            <ul>
                <ReturnCard r />
            </ul>
            {deciding
                .then(|| {
                    view! {
                        <div class="flex flex-wrap gap-6">
                            <ActionForm action=steps.approve attr:class="flex flex-col gap-2">
                                <input type="hidden" name="number" value=n1 />
                                <label class="flex flex-col gap-1 text-sm font-medium">
                                    "Instructions for the customer (optional)"
                                    <textarea name="instructions" rows="2" class=INPUT></textarea>
                                </label>
                                <Submit
                                    label="Approve and email instructions"
                                    pending=steps.approve.pending().into()
                                />
                            </ActionForm>
                            <ActionForm action=steps.reject attr:class="flex flex-col gap-2">
                                <input type="hidden" name="number" value=n2 />
                                <label class="flex flex-col gap-1 text-sm font-medium">
                                    "Why it is declined"
                                    <input name="reason" required class=INPUT />
                                </label>
                                <Submit label="Decline" pending=steps.reject.pending().into() />
                            </ActionForm>
                        </div>
                    }
                })}
            {receiving
                .then(|| {
                    view! {
                        <ActionForm
                            action=steps.receive
                            attr:class="flex flex-col gap-2"
                            attr:data-testid="receive-form"
                        >
                            <input type="hidden" name="number" value=n3 />
                            <p class="text-sm font-medium">"What arrived"</p>
                            {lines
                                .into_iter()
                                .enumerate()
                                .map(|(i, l)| {
                                    view! {
                                        <div class="flex flex-wrap items-center gap-3 text-sm">
                                            <input
                                                type="hidden"
                                                name=format!("lines[{i}][sku]")
                                                value=l.sku.clone()
                                            />
                                            <label class="flex items-center gap-2">
                                                <input
                                                    name=format!("lines[{i}][received]")
                                                    type="number"
                                                    min="0"
                                                    max=l.quantity.to_string()
                                                    value=l.quantity.to_string()
                                                    class=format!("w-20 {INPUT}")
                                                />
                                                {format!(
                                                    "of {} × {} ({})",
                                                    l.quantity,
                                                    l.title,
                                                    l.variant_title,
                                                )}
                                            </label>
                                            <label class="flex items-center gap-2">
                                                <input
                                                    type="checkbox"
                                                    name=format!("lines[{i}][restock]")
                                                    value="on"
                                                    checked
                                                />
                                                "Back on the shelf"
                                            </label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                            <Submit label="Mark received" pending=steps.receive.pending().into() />
                        </ActionForm>
                    }
                })}
            {(status == ReturnStatus::Received)
                .then(|| {
                    view! {
                        <ActionForm
                            action=steps.refund
                            attr:class="flex flex-col gap-2"
                            attr:data-testid="refund-return-form"
                        >
                            <input type="hidden" name="number" value=n4 />
                            <label class="flex items-center gap-2 text-sm">
                                <input type="checkbox" name="shipping" value="on" />
                                "Refund the shipping too"
                            </label>
                            <super::refund_to::RefundToSelect />
                            <Submit
                                label="Refund what arrived"
                                pending=steps.refund.pending().into()
                            />
                        </ActionForm>
                    }
                })}
        </div>
    }
}
