//! The carriers section of `/admin/settings`: each carrier's name and
//! tracking link, editable in place; the last, empty form adds one.
use leptos::form::ActionForm;
use leptos::prelude::*;

use super::orders::confirm;
use crate::api::settings::{staff_carriers, DeleteCarrier, SaveCarrier};
use crate::components::forms::{error_text, ActionError};
use model::commerce::Carrier;

const CELL: &str = "w-full rounded border border-slate-300 px-2 py-1 text-sm";

#[component]
pub fn CarriersSection() -> impl IntoView {
    let save = ServerAction::<SaveCarrier>::new();
    let delete = ServerAction::<DeleteCarrier>::new();
    let list = Resource::new(
        move || save.version().get() + delete.version().get(),
        |_| staff_carriers(),
    );
    view! {
        <section class="mt-10" aria-labelledby="carriers-h" data-testid="carriers">
            <h2 id="carriers-h" class="mb-2 text-lg font-semibold">
                "Carriers"
            </h2>
            <p class="mb-3 text-sm text-slate-600">
                "Staff pick one when shipping a parcel. In the tracking link, {tracking} stands for the parcel's number; leave it empty for a carrier without one."
            </p>
            <ActionError value=save.value() />
            <ActionError value=delete.value() />
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(mut carriers) => {
                            carriers
                                .push(Carrier {
                                    code: String::new(),
                                    name: String::new(),
                                    tracking_url: String::new(),
                                });
                            carriers
                                .into_iter()
                                .enumerate()
                                .map(|(i, c)| view! { <CarrierForm i c save delete /> })
                                .collect_view()
                                .into_any()
                        }
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CarrierForm(
    i: usize,
    c: Carrier,
    save: ServerAction<SaveCarrier>,
    delete: ServerAction<DeleteCarrier>,
) -> impl IntoView {
    let new = c.code.is_empty();
    let original = c.code.clone();
    let id = move |f: &str| format!("carrier-{i}-{f}");
    view! {
        <ActionForm
            action=save
            attr:class="grid grid-cols-[8rem_12rem_1fr_auto_auto] items-end gap-2 border-t border-slate-200 py-2"
            attr:data-testid=if new { "carrier-new" } else { "carrier-row" }
        >
            <input type="hidden" name="original" value=original.clone() />
            <label class="flex flex-col text-xs text-slate-500" for=id("code")>
                "Code"
                <input id=id("code") name="code" value=c.code required class=CELL />
            </label>
            <label class="flex flex-col text-xs text-slate-500" for=id("name")>
                "Name"
                <input id=id("name") name="name" value=c.name required class=CELL />
            </label>
            <label class="flex flex-col text-xs text-slate-500" for=id("url")>
                "Tracking link"
                <input
                    id=id("url")
                    name="tracking_url"
                    type="url"
                    value=c.tracking_url
                    placeholder="https://carrier.example/track?n={tracking}"
                    class=CELL
                />
            </label>
            <button type="submit" class="rounded-md bg-slate-900 px-3 py-1 text-sm text-white">
                {if new { "Add carrier" } else { "Save" }}
            </button>
            {(!new)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="text-sm text-red-700 underline"
                            on:click=move |_| {
                                if confirm("Delete this carrier?") {
                                    delete
                                        .dispatch(DeleteCarrier {
                                            code: original.clone(),
                                        });
                                }
                            }
                        >
                            "Delete"
                        </button>
                    }
                })}
        </ActionForm>
    }
}
