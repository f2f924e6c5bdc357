//! The returns part of a customer's order page: the returns asked for,
//! where each stands and what it refunded, and, while the window is open,
//! a form to send units back (per line, a reason from the list, a note).
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::returns::{order_returns, RequestReturn};
use crate::components::forms::{successes, ActionError, Submit};
use crate::components::return_card::ReturnCard;
use crate::components::site::use_site;
use crate::locale::use_i18n;
use model::returns::{ReturnReason, ReturnableLine, ReturnsPanel};
use model::AppError;

const INPUT: &str = "rounded-md border border-slate-300 px-2 py-1";

/// The order's returns panel, read again after each return asked for (not
/// after a refused one: the form keeps what was typed). Made by the page,
/// outside its order's suspense: a resource made inside one does not
/// hydrate.
pub fn returns_panel(
    number: impl Fn() -> String + Send + Sync + 'static,
    ask: ServerAction<RequestReturn>,
) -> Resource<Result<ReturnsPanel, AppError>> {
    let asked = successes(ask);
    Resource::new(move || (number(), asked.get()), |(n, _)| order_returns(n))
}

#[component]
pub fn OrderReturns(
    number: String,
    panel: Resource<Result<ReturnsPanel, AppError>>,
    ask: ServerAction<RequestReturn>,
) -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="mt-10" aria-labelledby="returns-title" data-testid="returns">
            <h2 id="returns-title" class="mb-3 text-lg font-semibold">
                {i.t("account-returns-title")}
            </h2>
            <Suspense>
                {move || {
                    let number = number.clone();
                    Suspend::new(async move {
                        match panel.await {
                            Err(e) => {
                                view! {
                                    <p role="alert">{crate::components::forms::error_text(&e)}</p>
                                }
                                    .into_any()
                            }
                            Ok(p) if !p.shipped => ().into_any(),
                            Ok(p) => {
                                view! {
                                    <ul class="mb-6 flex flex-col gap-3">
                                        {p
                                            .returns
                                            .into_iter()
                                            .map(|r| view! { <ReturnCard r /> })
                                            .collect_view()}
                                    </ul>
                                    {if p.returnable.is_empty() {
                                        p.closed
                                            .map(|why| {
                                                view! {
                                                    <p class="text-sm text-slate-600">{i.said(&why)}</p>
                                                }
                                            })
                                            .into_any()
                                    } else {
                                        view! {
                                            <AskForm
                                                number
                                                lines=p.returnable
                                                open_until=p.open_until
                                                ask
                                            />
                                        }
                                            .into_any()
                                    }}
                                }
                                    .into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn AskForm(
    number: String,
    lines: Vec<ReturnableLine>,
    open_until: Option<i64>,
    ask: ServerAction<RequestReturn>,
) -> impl IntoView {
    // `i` is the line index below.
    let tr = use_i18n();
    let site = use_site();
    view! {
        <ActionForm
            action=ask
            attr:class="flex max-w-xl flex-col gap-3"
            attr:data-testid="return-form"
        >
            <h3 class="font-semibold">{tr.t("account-returns-ask-title")}</h3>
            {open_until
                .map(|t| {
                    let until = tr.date(t);
                    view! {
                        <p class="text-sm text-slate-600">
                            {tr.f("account-returns-ask-until", &[("date", (&until).into())])}
                        </p>
                    }
                })}
            <ActionError value=ask.value() />
            <input type="hidden" name="number" value=number />
            <fieldset class="flex flex-col gap-2">
                <legend class="text-sm font-medium">{tr.t("account-returns-how-many")}</legend>
                {lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let id = format!("return-qty-{i}");
                        let variant = site.variant_title(&l.variant_title);
                        let args: [(&str, i18n::Arg); 3] = [
                            ("title", l.title.as_str().into()),
                            ("variant", variant.as_str().into()),
                            ("left", l.left.into()),
                        ];
                        let line = tr.f("account-returns-line", &args);
                        view! {
                            <div class="flex items-center gap-3 text-sm">
                                <input
                                    type="hidden"
                                    name=format!("lines[{i}][sku]")
                                    value=l.sku.clone()
                                />
                                <input
                                    id=id.clone()
                                    name=format!("lines[{i}][quantity]")
                                    type="number"
                                    min="0"
                                    max=l.left.to_string()
                                    value="0"
                                    data-testid=format!("return-qty-{}", l.sku)
                                    class=format!("w-20 {INPUT}")
                                />
                                <label for=id>{line}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label class="flex flex-col gap-1 text-sm font-medium">
                {tr.t("account-returns-reason")}
                <select name="reason" required class=INPUT data-testid="return-reason">
                    {ReturnReason::ALL
                        .iter()
                        .map(|r| view! { <option value=r.as_str()>{r.label()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="flex flex-col gap-1 text-sm font-medium">
                {tr.t("account-returns-note")}
                <textarea name="note" rows="3" maxlength="1000" class=INPUT></textarea>
            </label>
            <Submit label=tr.t("account-returns-submit") pending=ask.pending().into() />
        </ActionForm>
    }
}
