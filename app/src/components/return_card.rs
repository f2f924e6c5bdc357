//! One return as its customer and staff read it: number, status, reason,
//! the units going back, staff's instructions or reason, what it refunded.
use leptos::prelude::*;

use crate::components::site::use_site;
use crate::locale::use_i18n;
use model::returns::{ReturnStatus, ReturnView};

#[component]
pub fn ReturnCard(r: ReturnView) -> impl IntoView {
    let i = use_i18n();
    let site = use_site();
    let note = match r.status {
        ReturnStatus::Approved if !r.staff_note.is_empty() => Some(r.staff_note.clone()),
        ReturnStatus::Rejected => Some(r.staff_note.clone()),
        _ => None,
    };
    view! {
        <li
            class="rounded-lg border border-slate-200 p-4 text-sm"
            data-testid="return"
            data-return=r.number.clone()
        >
            <p class="font-semibold">
                {i.f("ui-return-number", &[("number", (&r.number).into())])} " · "
                <span data-testid="return-status">{r.status.label()}</span>
            </p>
            <p class="text-slate-600">
                {i
                    .f(
                        "ui-return-reason-asked",
                        &[
                            ("reason", r.reason.label().into()),
                            ("date", (&i.date(r.requested_at)).into()),
                        ],
                    )}
            </p>
            <ul class="mt-2">
                {r
                    .lines
                    .iter()
                    .map(|l| {
                        view! {
                            <li>
                                {format!(
                                    "{} × {} ({})",
                                    l.quantity,
                                    l.title,
                                    site.variant_title(&l.variant_title),
                                )}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {note.map(|n| view! { <p class="mt-2 whitespace-pre-line">{n}</p> })}
            {r
                .refunded
                .map(|m| {
                    view! {
                        <p class="mt-2 font-semibold" data-testid="return-refund">
                            {i.f("ui-return-refunded", &[("amount", (&i.money(&m)).into())])}
                        </p>
                    }
                })}
        </li>
    }
}
