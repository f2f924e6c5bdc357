//! Shipping a parcel from the staff order page: carrier, tracking number
//! and how many of each line go in it (all that is left, unless staff
//! lower a count to split the order).
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::orders::ShipOrder;
use crate::components::forms::{ActionError, Field, Submit};
use model::commerce::{Carrier, OrderView};
use model::OrderStatus;

/// Whether staff may ship (more of) this order now: its status may take a
/// parcel (the state machine says so) and some unit has not left.
pub fn can_ship(o: &OrderView) -> bool {
    o.status.can_become(OrderStatus::PartiallyShipped)
        && o.lines.iter().any(|l| l.shipped < l.quantity)
}

#[component]
pub fn ShipForm(
    order: OrderView,
    carriers: Vec<Carrier>,
    ship: ServerAction<ShipOrder>,
) -> impl IntoView {
    let left: Vec<_> = order
        .lines
        .iter()
        .filter(|l| l.shipped < l.quantity)
        .map(|l| {
            (
                l.sku.clone(),
                format!("{} ({})", l.title, l.variant_title),
                l.quantity - l.shipped,
            )
        })
        .collect();
    view! {
        <ActionForm
            action=ship
            attr:class="flex max-w-xl flex-col gap-3"
            attr:data-testid="ship-form"
        >
            <h2 class="text-lg font-semibold">"Ship a parcel"</h2>
            <ActionError value=ship.value() />
            <input type="hidden" name="number" value=order.number.clone() />
            <div class="flex flex-col gap-1">
                <label for="ship-carrier" class="text-sm font-medium text-slate-800">
                    "Carrier"
                </label>
                <select
                    id="ship-carrier"
                    name="carrier"
                    required
                    class="rounded-md border border-slate-300 px-3 py-2"
                >
                    {carriers
                        .into_iter()
                        .map(|c| view! { <option value=c.code>{c.name}</option> })
                        .collect_view()}
                </select>
            </div>
            <Field label="Tracking number" name="tracking_number" />
            <fieldset class="flex flex-col gap-2">
                <legend class="text-sm font-medium text-slate-800">
                    "In this parcel (lower a count to ship the rest later)"
                </legend>
                {left
                    .into_iter()
                    .enumerate()
                    .map(|(i, (sku, title, n))| {
                        let id = format!("ship-qty-{i}");
                        view! {
                            <div class="flex items-center gap-3 text-sm">
                                <input
                                    type="hidden"
                                    name=format!("lines[{i}][sku]")
                                    value=sku.clone()
                                />
                                <input
                                    id=id.clone()
                                    name=format!("lines[{i}][quantity]")
                                    type="number"
                                    min="0"
                                    max=n.to_string()
                                    value=n.to_string()
                                    required
                                    data-testid=format!("ship-qty-{sku}")
                                    class="w-20 rounded-md border border-slate-300 px-2 py-1"
                                />
                                <label for=id>{format!("{title} · {sku} — {n} left")}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <Submit label="Ship and email the customer" pending=ship.pending().into() />
        </ActionForm>
    }
}
