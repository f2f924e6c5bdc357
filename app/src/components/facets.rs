use leptos::prelude::*;

use crate::components::site::use_site;
use crate::components::swatch::swatch;
use crate::locale::use_i18n;

use model::storefront::{CategoryView, FacetValue, ListingSort};

/// One box of a facet: what the form sends, what it reads.
struct Tick {
    value: String,
    label: String,
    count: u64,
    selected: bool,
    swatch: Option<String>,
}

/// Ticks for facet values whose label is the value itself, worded by
/// `word`.
fn plain(
    values: Vec<FacetValue>,
    encode: impl Fn(&str) -> String,
    word: impl Fn(&str) -> String,
) -> Vec<Tick> {
    values
        .into_iter()
        .map(|v| Tick {
            value: encode(&v.value),
            count: v.count,
            selected: v.selected,
            swatch: None,
            label: word(&v.value),
        })
        .collect()
}

/// Filters as a plain GET form: works before hydration and without JS, and
/// the URL always holds the whole state.
#[component]
pub fn FilterForm(view_data: CategoryView) -> impl IntoView {
    let i = use_i18n();
    let site = use_site();
    let slug = view_data.category.slug.clone();
    let state = view_data.state.clone();
    let clear_href = i.href(&state.href(&slug, |s| {
        s.page = 1;
        s.price_min = None;
        s.price_max = None;
        s.brands.clear();
        s.options.clear();
        s.attributes.clear();
    }));
    let has_filters = state.price_min.is_some()
        || state.price_max.is_some()
        || !state.brands.is_empty()
        || !state.options.is_empty()
        || !state.attributes.is_empty();
    let sort = state.sort;

    view! {
        <form
            method="get"
            action=i.href(&format!("/category/{slug}"))
            class="space-y-6 text-sm"
            aria-label=i.t("ui-facets-form")
        >
            {(sort != ListingSort::default())
                .then(|| view! { <input type="hidden" name="sort" value=sort.key() /> })}
            <fieldset>
                <legend class="mb-2 font-semibold">{i.t("ui-facets-price")}</legend>
                <div class="flex items-center gap-2">
                    <label class="sr-only" for="price_min">
                        {i.t("ui-facets-price-min")}
                    </label>
                    <input
                        id="price_min"
                        name="price_min"
                        inputmode="decimal"
                        placeholder=i.t("ui-facets-min")
                        value=state.price_min.as_deref().map(|v| i.decimal(v))
                        class="w-20 rounded-md border border-slate-300 px-2 py-1"
                    />
                    <span aria-hidden="true">"–"</span>
                    <label class="sr-only" for="price_max">
                        {i.t("ui-facets-price-max")}
                    </label>
                    <input
                        id="price_max"
                        name="price_max"
                        inputmode="decimal"
                        placeholder=i.t("ui-facets-max")
                        value=state.price_max.as_deref().map(|v| i.decimal(v))
                        class="w-20 rounded-md border border-slate-300 px-2 py-1"
                    />
                </div>
            </fieldset>
            <FacetGroup
                legend=i.t("ui-facets-brand")
                testid="facet-brand"
                name="brand"
                ticks=plain(view_data.brands.clone(), |v| v.to_owned(), |v| v.to_owned())
            />
            {view_data
                .options
                .into_iter()
                .map(|facet| {
                    let option = facet.name.clone();
                    view! {
                        <FacetGroup
                            legend=site.word(&facet.name)
                            name="opt"
                            ticks=plain(facet.values, |v| format!("{option}:{v}"), |v| site.word(v))
                        />
                    }
                })
                .collect_view()}
            {view_data
                .attributes
                .into_iter()
                .map(|facet| {
                    let ticks = facet
                        .values
                        .into_iter()
                        .map(|v| Tick {
                            value: format!("{}:{}", facet.code, v.value),
                            label: site.word(&v.label),
                            count: v.count,
                            selected: v.selected,
                            swatch: v.swatch,
                        })
                        .collect();
                    view! {
                        <FacetGroup
                            legend=site.word(&facet.name)
                            name=model::attributes::PARAM
                            ticks
                        />
                    }
                })
                .collect_view()}
            <div class="flex items-center gap-3">
                <button
                    type="submit"
                    class="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:ring-offset-2"
                >
                    {i.t("ui-facets-apply")}
                </button>
                {has_filters
                    .then(|| {
                        view! {
                            <a href=clear_href class="underline">
                                {i.t("ui-facets-clear")}
                            </a>
                        }
                    })}
            </div>
        </form>
    }
}

#[component]
fn FacetGroup(
    #[prop(into)] legend: String,
    /// The group's test id when the legend is translated text (else it is
    /// made from the legend).
    #[prop(optional)]
    testid: Option<&'static str>,
    name: &'static str,
    ticks: Vec<Tick>,
) -> impl IntoView {
    if ticks.is_empty() {
        return ().into_any();
    }
    let group_id = testid.map_or_else(
        || format!("facet-{}", legend.to_lowercase().replace(' ', "-")),
        str::to_owned,
    );
    view! {
        <fieldset data-testid=group_id.clone()>
            <legend class="mb-2 font-semibold">{legend}</legend>
            <ul class="max-h-56 space-y-1 overflow-y-auto pr-2">
                {ticks
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let id = format!("{group_id}-{i}");
                        view! {
                            <li class="flex items-center gap-2">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    name=name
                                    value=v.value
                                    checked=v.selected
                                    class="h-4 w-4 rounded border-slate-300"
                                />
                                <label for=id class="flex flex-1 items-center gap-1">
                                    {swatch(v.swatch)}
                                    {v.label}
                                    <span class="ml-1 text-slate-500">
                                        {format!("({})", v.count)}
                                    </span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
    .into_any()
}
