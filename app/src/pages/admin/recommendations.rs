//! `/admin/recommendations?product=slug`: what a product recommends and
//! why (the counts behind each row), what shoppers see now, and the staff
//! rules: pin a product first in "also bought", or exclude one.
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::recommendations::{ExplainRow, RecommendationReport, Rule};

use super::layout::AdminPage;
use crate::api::recommendations::{get_recommendation_report, SetRecommendationRule};
use crate::components::forms::{error_text, ActionError};

const INPUT: &str = "rounded-md border border-slate-300 px-3 py-2 text-sm";
const BUTTON: &str = "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100";

#[component]
pub fn AdminRecommendationsPage() -> impl IntoView {
    let query = use_query_map();
    let slug = move || query.with(|q| q.get("product")).unwrap_or_default();
    let rule = ServerAction::<SetRecommendationRule>::new();
    let report = Resource::new_blocking(
        move || (slug(), rule.version().get()),
        |(slug, _)| get_recommendation_report(slug),
    );
    view! {
        <AdminPage title="Recommendations">
            <form method="get" class="mb-6 flex flex-wrap items-end gap-2">
                <label class="flex flex-col gap-1 text-sm font-medium">
                    "Product (its slug, as in /product/…)"
                    <input
                        name="product"
                        class=INPUT
                        value=slug
                        required
                        data-testid="recs-product"
                    />
                </label>
                <button
                    type="submit"
                    class="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white"
                >
                    "Show"
                </button>
            </form>
            <p class="mb-4 text-sm text-slate-600">
                "Recounted in the background from the last year's paid orders and two weeks of product views; a change shows within minutes. Rows out of stock or not on sale are never shown to shoppers."
            </p>
            <ActionError value=rule.value() />
            <Transition>
                {move || Suspend::new(async move {
                    match report.await {
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                        Ok(None) => ().into_any(),
                        Ok(Some(r)) => view! { <Report r rule /> }.into_any(),
                    }
                })}
            </Transition>
        </AdminPage>
    }
}

#[component]
fn Report(r: RecommendationReport, rule: ServerAction<SetRecommendationRule>) -> impl IntoView {
    let slug = r.slug.clone();
    let shown: Vec<String> = r
        .shown
        .also_bought
        .iter()
        .chain(&r.shown.similar)
        .map(|c| c.title.clone())
        .collect();
    view! {
        <h2 class="mb-2 text-lg font-semibold">{r.title.clone()}</h2>
        <p class="mb-4 text-sm" data-testid="recs-signals">
            {format!(
                "Trending score {:.1} ({} views, {} orders in two weeks) · {} sold in a year",
                r.signals.trending as f64 / 1000.0,
                r.signals.views,
                r.signals.orders,
                r.signals.sold,
            )}
        </p>
        <p class="mb-4 text-sm" data-testid="recs-shown">
            "Shoppers see now: "
            {if shown.is_empty() { "nothing yet".to_owned() } else { shown.join(", ") }}
        </p>
        <Rows
            title="Customers also bought (orders holding both)"
            rows=r.also_bought
            slug=slug.clone()
            rule
        />
        <Rows
            title="Similar products (points: category 1, brand 3, each shared word 2, close price 1)"
            rows=r.similar
            slug=slug.clone()
            rule
        />
        <Rows title="Staff rules" rows=r.rules slug=slug.clone() rule />
        <ActionForm action=rule attr:class="mt-6 flex flex-wrap items-end gap-2">
            <input type="hidden" name="slug" value=slug />
            <label class="flex flex-col gap-1 text-sm font-medium">
                "Pin another product (slug)"
                <input name="other" class=INPUT required data-testid="recs-pin-other" />
            </label>
            <input type="hidden" name="rule" value="pin" />
            <button
                type="submit"
                class="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white"
            >
                "Pin first"
            </button>
        </ActionForm>
    }
}

#[component]
fn Rows(
    title: &'static str,
    rows: Vec<ExplainRow>,
    slug: String,
    rule: ServerAction<SetRecommendationRule>,
) -> impl IntoView {
    view! {
        <section class="mb-6">
            <h3 class="mb-2 font-medium">{title}</h3>
            {if rows.is_empty() {
                view! { <p class="text-sm text-slate-500">"None."</p> }.into_any()
            } else {
                view! {
                    <table class="w-full text-left text-sm" data-testid="recs-table">
                        <thead>
                            <tr class="text-slate-500">
                                <th class="py-1 font-medium">"Product"</th>
                                <th class="py-1 font-medium">"Score"</th>
                                <th class="py-1 font-medium">"Shown?"</th>
                                <th class="py-1 font-medium">"Rule"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|row| view! { <Row row slug=slug.clone() rule /> })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn Row(row: ExplainRow, slug: String, rule: ServerAction<SetRecommendationRule>) -> impl IntoView {
    let href = format!("/product/{}", row.slug);
    let other = row.slug.clone();
    let set = move |to: &'static str| {
        let (slug, other) = (slug.clone(), other.clone());
        move |_| {
            rule.dispatch(SetRecommendationRule {
                slug: slug.clone(),
                other: other.clone(),
                rule: to.to_owned(),
            });
        }
    };
    let current = row.rule;
    view! {
        <tr class="border-t border-slate-100" data-testid="recs-row">
            <td class="py-1">
                <a class="underline" href=href>
                    {row.title.clone()}
                </a>
            </td>
            <td class="py-1">{row.score}</td>
            <td class="py-1">
                {if row.available { "yes" } else { "no (not on sale or out of stock)" }}
            </td>
            <td class="flex gap-1 py-1">
                {match current {
                    Some(Rule::Pin) => "Pinned ",
                    Some(Rule::Exclude) => "Excluded ",
                    None => "",
                }}
                {(current != Some(Rule::Pin))
                    .then(|| {
                        view! {
                            <button type="button" class=BUTTON on:click=set("pin")>
                                "Pin"
                            </button>
                        }
                    })}
                {(current != Some(Rule::Exclude))
                    .then(|| {
                        view! {
                            <button type="button" class=BUTTON on:click=set("exclude")>
                                "Exclude"
                            </button>
                        }
                    })}
                {current
                    .is_some()
                    .then(|| {
                        view! {
                            <button type="button" class=BUTTON on:click=set("none")>
                                "Clear"
                            </button>
                        }
                    })}
            </td>
        </tr>
    }
}
