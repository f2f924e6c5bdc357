//! `/admin/products/new` and `/admin/products/:slug`: the product editor.
//! Options generate the variant matrix in the browser (existing rows keep
//! their SKU, price and stock); the server checks everything again.
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::layout::AdminPage;
use super::list_prices::ListPrices;
use super::product_attributes::{keep_applicable, ProductAttributes};
use super::product_images::ProductImages;
use super::translations::Translations;
use crate::api::catalog_admin::{product_editor, SaveProduct};
use crate::components::forms::{
    error_text, go_to, issue_attrs, ActionError, IssueText, Issues, Notice,
};
use model::catalog::ProductEditor;
use model::product_form::{matrix, OptionForm, ProductForm, StockForm, VariantForm};

const INPUT: &str = "rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-900 focus:border-slate-900 focus:outline-none focus:ring-1 focus:ring-slate-900";
const CELL: &str = "w-full rounded border border-slate-300 px-2 py-1 text-sm";
const MAX_OPTIONS: usize = 3;

#[component]
pub fn AdminProductEditorPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || {
        params
            .read()
            .get("slug")
            .filter(|s| s != "new")
            .unwrap_or_default()
    };
    let data = Resource::new_blocking(slug, product_editor);
    let saved = move || query.read().get("saved").is_some();
    view! {
        <AdminPage title="Product">
            <nav aria-label="Breadcrumb" class="mb-4 text-sm text-slate-500">
                <a href="/admin/products" class="underline">
                    "Products"
                </a>
                " › "
                <span aria-current="page">
                    {move || if slug().is_empty() { "New product".to_owned() } else { slug() }}
                </span>
            </nav>
            {move || saved().then(|| view! { <Notice>"Saved."</Notice> })}
            <Suspense>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(v) => view! { <Editor view=v /> }.into_any(),
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminPage>
    }
}

fn sku_stem(form: &ProductForm) -> String {
    let base = if form.slug.trim().is_empty() {
        &form.title
    } else {
        &form.slug
    };
    let stem: String = base
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().take(4).collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
        .to_uppercase();
    stem.chars().take(16).collect()
}

fn value_code(values: &[String]) -> String {
    values
        .iter()
        .map(|v| {
            v.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .take(6)
                .collect::<String>()
                .to_uppercase()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Rebuilds the variant rows from the options, keeping rows that exist.
fn regenerate(f: &mut ProductForm, warehouses: &[String]) {
    let old = std::mem::take(&mut f.variants);
    let price = old.first().map(|v| v.price.clone()).unwrap_or_default();
    let stem = sku_stem(f);
    f.variants = matrix(&f.options)
        .into_iter()
        .map(|values| {
            old.iter()
                .find(|v| v.values == values)
                .cloned()
                .unwrap_or_else(|| {
                    let code = value_code(&values);
                    VariantForm {
                        sku: if code.is_empty() {
                            stem.clone()
                        } else {
                            format!("{stem}-{code}")
                        },
                        values,
                        price: price.clone(),
                        compare_at: String::new(),
                        weight: String::new(),
                        stock: warehouses
                            .iter()
                            .map(|w| StockForm {
                                warehouse: w.clone(),
                                on_hand: "0".into(),
                                seen: None,
                            })
                            .collect(),
                    }
                })
        })
        .collect();
}

/// An id-safe name for a variant row.
fn key_id(key: &str) -> String {
    let mut id = String::from("v");
    for b in key.bytes() {
        id.push_str(&format!("{b:02x}"));
    }
    id
}

fn key(values: &[String]) -> String {
    values.join("\u{1f}")
}

#[component]
fn Editor(view: ProductEditor) -> impl IntoView {
    let editing = view.form.original.clone();
    let warehouses = StoredValue::new(view.warehouses.clone());
    let form = RwSignal::new(view.form.clone());
    let save = ServerAction::<SaveProduct>::new();
    Effect::new(move |_| {
        if let Some(Ok(slug)) = save.value().get() {
            go_to(&format!("/admin/products/{slug}?saved=1"));
        }
    });
    // Each issue the server found sits under its field; what was typed stays.
    let issues = Issues::of(save.value());
    let text = move |label: &'static str,
                     name: &'static str,
                     initial: String,
                     set: fn(&mut ProductForm, String)| {
        let id = format!("p-{name}");
        let issue_id = format!("{id}-issue");
        let (invalid, describedby) =
            issue_attrs(Some(issues), name.to_owned(), None, issue_id.clone());
        view! {
            <div class="flex flex-col gap-1">
                <label for=id.clone() class="text-sm font-medium text-slate-800">
                    {label}
                </label>
                <input
                    id=id
                    name=name
                    value=initial
                    class=INPUT
                    aria-invalid=invalid
                    aria-describedby=describedby
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
                />
                <IssueText issues field=name.to_owned() id=issue_id />
            </div>
        }
    };
    let f0 = view.form.clone();
    let attribute_defs = StoredValue::new(view.attributes.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut sent = form.get_untracked();
        attribute_defs.with_value(|defs| keep_applicable(&mut sent, defs));
        save.dispatch(SaveProduct { form: sent });
    };
    let option_count = move || form.with(|f| f.options.len());
    // Named, not inline: a `<` or `>` in an attribute closure reads as a tag to
    // the view! parser once leptosfmt drops the braces.
    let option_rows = move || (0..option_count()).collect::<Vec<_>>();
    let options_full = move || option_count() >= MAX_OPTIONS;
    let rows = move || {
        form.with(|f| {
            f.variants
                .iter()
                .map(|v| key(&v.values))
                .collect::<Vec<_>>()
        })
    };
    let storefront = editing.clone().map(|s| format!("/product/{s}?preview=1"));
    view! {
        <form
            on:submit=on_submit
            class="flex max-w-5xl flex-col gap-8"
            data-testid="product-form"
            novalidate
        >
            <ActionError value=save.value() />
            <section class="grid gap-4 md:grid-cols-2">
                {text("Title", "title", f0.title.clone(), |f, v| f.title = v)}
                {text("URL name (slug)", "slug", f0.slug.clone(), |f, v| f.slug = v)}
                {text("Brand", "brand", f0.brand.clone(), |f, v| f.brand = v)}
                <div class="flex flex-col gap-1">
                    <label for="p-category" class="text-sm font-medium text-slate-800">
                        "Category"
                    </label>
                    <select
                        id="p-category"
                        name="category"
                        class=INPUT
                        on:change=move |ev| form.update(|f| f.category = event_target_value(&ev))
                    >
                        <option value="">"Choose…"</option>
                        {view
                            .categories
                            .iter()
                            .map(|c| {
                                view! {
                                    <option value=c.slug.clone() selected=c.slug == f0.category>
                                        {c.label.clone()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div> <div class="flex flex-col gap-1">
                    <label for="p-status" class="text-sm font-medium text-slate-800">
                        "Status"
                    </label>
                    <select
                        id="p-status"
                        name="status"
                        class=INPUT
                        on:change=move |ev| form.update(|f| f.status = event_target_value(&ev))
                    >
                        {["draft", "active", "archived"]
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=s selected=s == f0.status>
                                        {s}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div> <div class="flex items-center gap-2 pt-6">
                    <input
                        id="p-featured"
                        type="checkbox"
                        checked=f0.featured
                        on:change=move |ev| form.update(|f| f.featured = event_target_checked(&ev))
                    />
                    <label for="p-featured" class="text-sm">
                        "Featured on the home page"
                    </label>
                </div>
                {text(
                    "Low-stock alert at (units per warehouse)",
                    "low_stock",
                    f0.low_stock.clone(),
                    |f, v| f.low_stock = v,
                )} <div class="flex flex-col gap-1 md:col-span-2">
                    <label for="p-description" class="text-sm font-medium text-slate-800">
                        "Description"
                    </label>
                    <textarea
                        id="p-description"
                        name="description"
                        rows="5"
                        class=INPUT
                        on:input=move |ev| form.update(|f| f.description = event_target_value(&ev))
                    >
                        {f0.description.clone()}
                    </textarea>
                </div>
            </section>

            <ProductAttributes form defs=attribute_defs.get_value() issues />

            <section aria-labelledby="seo-h" class="grid gap-4 md:grid-cols-2">
                <h2 id="seo-h" class="text-lg font-semibold md:col-span-2">
                    "Search engines"
                </h2>
                {text("SEO title", "seo_title", f0.seo_title.clone(), |f, v| f.seo_title = v)}
                {text(
                    "SEO description",
                    "seo_description",
                    f0.seo_description.clone(),
                    |f, v| f.seo_description = v,
                )}
            </section>

            <section aria-labelledby="options-h" class="flex flex-col gap-3">
                <h2 id="options-h" class="text-lg font-semibold">
                    "Options"
                </h2>
                <p class="text-sm text-slate-500">
                    "Up to three, e.g. Size with values S, M, L. Every combination becomes a variant."
                </p>
                <For each=option_rows key=|i| *i let:i>
                    {
                        let initial = form
                            .with_untracked(|f| f.options.get(i).cloned().unwrap_or_default());
                        let changed = move || {
                            form.update(|f| warehouses.with_value(|w| regenerate(f, w)))
                        };
                        view! {
                            <div
                                class="grid gap-3 md:grid-cols-[12rem_1fr]"
                                data-testid="option-row"
                            >
                                <input
                                    aria-label=format!("Option {} name", i + 1)
                                    placeholder="Name, e.g. Size"
                                    value=initial.name
                                    class=INPUT
                                    on:input=move |ev| {
                                        form.update(|f| {
                                            if let Some(o) = f.options.get_mut(i) {
                                                o.name = event_target_value(&ev);
                                            }
                                        })
                                    }
                                    on:change=move |_| changed()
                                />
                                <input
                                    aria-label=format!("Option {} values", i + 1)
                                    placeholder="Values, comma-separated"
                                    value=initial.values
                                    class=INPUT
                                    on:input=move |ev| {
                                        form.update(|f| {
                                            if let Some(o) = f.options.get_mut(i) {
                                                o.values = event_target_value(&ev);
                                            }
                                        })
                                    }
                                    on:change=move |_| changed()
                                />
                            </div>
                        }
                    }
                </For>
                <div class="flex gap-3 text-sm">
                    <button
                        type="button"
                        class="rounded-md border border-slate-300 px-3 py-1.5 disabled:opacity-50"
                        disabled=options_full
                        on:click=move |_| form.update(|f| f.options.push(OptionForm::default()))
                    >
                        "Add option"
                    </button>
                    <button
                        type="button"
                        class="rounded-md border border-slate-300 px-3 py-1.5 disabled:opacity-50"
                        disabled=move || option_count() == 0
                        on:click=move |_| {
                            form.update(|f| {
                                f.options.pop();
                                warehouses.with_value(|w| regenerate(f, w));
                            })
                        }
                    >
                        "Remove last option"
                    </button>
                    <button
                        type="button"
                        class="rounded-md border border-slate-300 px-3 py-1.5"
                        on:click=move |_| {
                            form.update(|f| warehouses.with_value(|w| regenerate(f, w)))
                        }
                    >
                        "Generate variants"
                    </button>
                </div>
            </section>

            <section aria-labelledby="variants-h" class="flex flex-col gap-3">
                <h2 id="variants-h" class="text-lg font-semibold">
                    {move || format!("Variants ({})", form.with(|f| f.variants.len()))}
                </h2>
                <div class="overflow-x-auto">
                    <table class="w-full text-sm" data-testid="variant-matrix">
                        <thead class="text-left text-slate-500">
                            <tr>
                                <th>"Variant"</th>
                                <th class="min-w-44">"SKU"</th>
                                <th>"Price"</th>
                                <th>"Compare-at"</th>
                                <th>"Weight (g)"</th>
                                {warehouses
                                    .get_value()
                                    .into_iter()
                                    .map(|w| view! { <th>{format!("Stock {w}")}</th> })
                                    .collect_view()}
                                <th>
                                    <span class="sr-only">"Remove"</span>
                                </th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=rows key=|k| k.clone() let:k>
                                {variant_row(form, k, issues)}
                            </For>
                        </tbody>
                    </table>
                </div>
            </section>

            <div class="flex items-center gap-4">
                <button
                    type="submit"
                    class="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
                    disabled=move || save.pending().get()
                >
                    {move || if save.pending().get() { "Saving…" } else { "Save product" }}
                </button>
                {storefront
                    .map(|href| {
                        view! {
                            <a
                                href=href
                                target="_blank"
                                class="text-sm underline"
                                data-testid="preview-link"
                            >
                                "View in the shop"
                            </a>
                        }
                    })}
            </div>
        </form>
        {(!view.list_prices.is_empty())
            .then(|| view! { <ListPrices rows=view.list_prices.clone() /> })}
        {editing
            .clone()
            .filter(|_| !view.translations.is_empty())
            .map(|slug| view! { <Translations slug rows=view.translations.clone() /> })}
        {editing.map(|slug| view! { <ProductImages slug=slug images=view.images.clone() /> })}
    }
}

/// One row of the matrix; its inputs write back to the variant with the
/// same option values.
fn variant_row(form: RwSignal<ProductForm>, k: String, issues: Issues) -> impl IntoView {
    let initial = form.with_untracked(|f| {
        f.variants
            .iter()
            .find(|v| key(&v.values) == k)
            .cloned()
            .unwrap_or_default()
    });
    let label = if initial.values.is_empty() {
        "Default".to_owned()
    } else {
        initial.values.join(" / ")
    };
    let edit = move |k: String, set: fn(&mut VariantForm, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            form.update(|f| {
                if let Some(v) = f.variants.iter_mut().find(|v| key(&v.values) == k) {
                    set(v, value);
                }
            })
        }
    };
    // Issues name the variant by its place in the form (`variants.2.price`),
    // which moves when rows are removed.
    let row_key = k.clone();
    let index = Memo::new(move |_| {
        form.with(|f| f.variants.iter().position(|v| key(&v.values) == row_key))
    });
    let row_id = key_id(&k);
    let cell = move |name: &str,
                     field: &'static str,
                     initial: String,
                     handler: Box<dyn Fn(leptos::ev::Event)>,
                     label: &str| {
        let message = move || {
            index
                .get()
                .and_then(|i| issues.message(&format!("variants.{i}.{field}")))
        };
        let issue_id = format!("{row_id}-{field}-issue");
        let described = issue_id.clone();
        view! {
            <td class="px-1 py-1 align-top">
                <input
                    aria-label=format!("{name} of {label}")
                    value=initial
                    class=CELL
                    on:input=handler
                    aria-invalid=move || message().is_some().then_some("true")
                    aria-describedby=move || message().is_some().then(|| described.clone())
                />
                {move || {
                    message()
                        .map(|m| {
                            view! {
                                <p
                                    id=issue_id.clone()
                                    class="text-xs font-medium text-red-700"
                                    data-testid="field-issue"
                                >
                                    {m}
                                </p>
                            }
                        })
                }}
            </td>
        }
    };
    let stock_cells = initial
        .stock
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let k = k.clone();
            view! {
                <td class="px-1 py-1">
                    <input
                        aria-label=format!("Stock in {} of {label}", s.warehouse)
                        inputmode="numeric"
                        value=s.on_hand.clone()
                        class=CELL
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            form.update(|f| {
                                if let Some(v) = f.variants.iter_mut().find(|v| key(&v.values) == k)
                                {
                                    if let Some(s) = v.stock.get_mut(i) {
                                        s.on_hand = value;
                                    }
                                }
                            })
                        }
                    />
                </td>
            }
        })
        .collect_view();
    let remove_key = k.clone();
    view! {
        <tr class="border-t border-slate-200" data-testid="variant-row">
            <th scope="row" class="whitespace-nowrap py-1 pr-2 text-left font-medium">
                {label.clone()}
            </th>
            {cell(
                "SKU",
                "sku",
                initial.sku.clone(),
                Box::new(edit(k.clone(), |v, s| v.sku = s)),
                &label,
            )}
            {cell(
                "Price",
                "price",
                initial.price.clone(),
                Box::new(edit(k.clone(), |v, s| v.price = s)),
                &label,
            )}
            {cell(
                "Compare-at price",
                "compare_at",
                initial.compare_at.clone(),
                Box::new(edit(k.clone(), |v, s| v.compare_at = s)),
                &label,
            )}
            {cell(
                "Weight",
                "weight",
                initial.weight.clone(),
                Box::new(edit(k.clone(), |v, s| v.weight = s)),
                &label,
            )}
            {stock_cells}
            <td class="px-1">
                <button
                    type="button"
                    aria-label=format!("Remove {label}")
                    class="text-red-700"
                    on:click=move |_| {
                        form.update(|f| f.variants.retain(|v| key(&v.values) != remove_key))
                    }
                >
                    "✕"
                </button>
            </td>
        </tr>
    }
}
