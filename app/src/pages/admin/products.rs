//! `/admin/products`: search, filters, sorting, pages, and bulk publish /
//! archive. The filters are a plain GET form, so the URL holds the state.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::catalog::ProductStatus;

use super::layout::AdminPage;
use crate::api::catalog_admin::{staff_products, SetProductsStatus};
use crate::components::forms::{error_text, ActionError};
use crate::components::pager::Pager;
use model::catalog::{AdminProductList, AdminProductQuery};
use model::url::encode;

const SELECT: &str = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

fn query_href(q: &AdminProductQuery, page: u64) -> String {
    format!(
        "/admin/products?q={}&status={}&category={}&stock={}&sort={}&page={page}",
        encode(&q.q),
        encode(&q.status),
        encode(&q.category),
        encode(&q.stock),
        encode(&q.sort)
    )
}

#[component]
pub fn AdminProductsPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        let get = |k: &str| p.get(k).unwrap_or_default();
        AdminProductQuery {
            q: get("q"),
            status: get("status"),
            category: get("category"),
            stock: get("stock"),
            sort: get("sort"),
            page: get("page").parse().unwrap_or(1),
        }
    });
    let bulk = ServerAction::<SetProductsStatus>::new();
    let list = Resource::new_blocking(
        move || (query.get(), bulk.version().get()),
        |(q, _)| staff_products(q),
    );
    view! {
        <AdminPage title="Products">
            <div class="mb-4 flex flex-wrap gap-3 text-sm">
                <a
                    href="/admin/products/new"
                    class="rounded-md bg-slate-900 px-3 py-2 font-semibold text-white"
                    data-testid="new-product"
                >
                    "New product"
                </a>
                <a href="/admin/products/csv" class="rounded-md border border-slate-300 px-3 py-2">
                    "Import / export CSV"
                </a>
            </div>
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                        Ok(view) => {
                            view! {
                                <ProductTable view=view query=query.get_untracked() bulk=bulk />
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </AdminPage>
    }
}

#[component]
fn ProductTable(
    view: AdminProductList,
    query: AdminProductQuery,
    bulk: ServerAction<SetProductsStatus>,
) -> impl IntoView {
    let selected = RwSignal::new(Vec::<String>::new());
    let toggle = move |slug: String, on: bool| {
        selected.update(|s| {
            s.retain(|x| *x != slug);
            if on {
                s.push(slug);
            }
        })
    };
    let apply = move |status: ProductStatus| {
        let slugs = selected.get_untracked();
        if !slugs.is_empty() {
            bulk.dispatch(SetProductsStatus { slugs, status });
            selected.set(Vec::new());
        }
    };
    let q = query.clone();
    let opt = |value: &'static str, label: &'static str, current: &str| {
        view! {
            <option value=value selected=current == value>
                {label}
            </option>
        }
    };
    view! {
        <form
            method="get"
            action="/admin/products"
            class="mb-4 flex flex-wrap items-end gap-3"
            role="search"
            data-testid="product-filters"
        >
            <label class="flex flex-col text-xs text-slate-600">
                "Search"
                <input
                    name="q"
                    value=q.q.clone()
                    placeholder="Title, URL name or SKU"
                    class="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                />
            </label>
            <label class="flex flex-col text-xs text-slate-600">
                "Status" <select name="status" class=SELECT>
                    {opt("", "Any", &q.status)}
                    {opt("active", "Active", &q.status)}
                    {opt("draft", "Draft", &q.status)}
                    {opt("archived", "Archived", &q.status)}
                </select>
            </label>
            <label class="flex flex-col text-xs text-slate-600">
                "Category" <select name="category" class=SELECT>
                    <option value="">"Any"</option>
                    {view
                        .categories
                        .iter()
                        .map(|c| {
                            view! {
                                <option value=c.slug.clone() selected=c.slug == q.category>
                                    {c.label.clone()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="flex flex-col text-xs text-slate-600">
                "Stock" <select name="stock" class=SELECT>
                    {opt("", "Any", &q.stock)}
                    {opt("in", "In stock", &q.stock)}
                    {opt("low", "Low (1–5)", &q.stock)}
                    {opt("out", "Out of stock", &q.stock)}
                </select>
            </label>
            <label class="flex flex-col text-xs text-slate-600">
                "Sort" <select name="sort" class=SELECT>
                    {opt("", "Recently changed", &q.sort)}
                    {opt("title", "Title", &q.sort)}
                    {opt("price", "Price, low first", &q.sort)}
                    {opt("price_desc", "Price, high first", &q.sort)}
                </select>
            </label>
            <button type="submit" class="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
                "Apply"
            </button>
        </form>
        <div class="mb-3 flex items-center gap-3 text-sm" data-testid="bulk-actions">
            <span>{move || format!("{} selected", selected.read().len())}</span>
            <button
                type="button"
                class="rounded-md border border-slate-300 px-3 py-1.5 disabled:opacity-50"
                disabled=move || selected.read().is_empty()
                on:click=move |_| apply(ProductStatus::Active)
            >
                "Publish"
            </button>
            <button
                type="button"
                class="rounded-md border border-slate-300 px-3 py-1.5 disabled:opacity-50"
                disabled=move || selected.read().is_empty()
                on:click=move |_| apply(ProductStatus::Archived)
            >
                "Archive"
            </button>
            <ActionError value=bulk.value() />
            {move || {
                bulk.value()
                    .get()
                    .and_then(|r| r.ok())
                    .map(|n| {
                        view! {
                            <p role="status" class="text-emerald-800" data-testid="notice">
                                {format!("{n} products updated.")}
                            </p>
                        }
                    })
            }}
        </div>
        <p class="mb-2 text-sm text-slate-500">{format!("{} products", view.page.total)}</p>
        <table class="w-full text-sm" data-testid="admin-product-list">
            <thead class="text-left text-slate-500">
                <tr>
                    <th class="w-8">
                        <span class="sr-only">"Select"</span>
                    </th>
                    <th></th>
                    <th>"Product"</th>
                    <th>"Status"</th>
                    <th>"Category"</th>
                    <th class="text-right">"Price"</th>
                    <th class="text-right">"Available"</th>
                </tr>
            </thead>
            <tbody>
                {view
                    .page
                    .rows
                    .into_iter()
                    .map(|r| {
                        let slug = r.slug.clone();
                        let price = if r.price_min.minor == r.price_max.minor {
                            r.price_min.format()
                        } else {
                            format!("{} – {}", r.price_min.format(), r.price_max.format())
                        };
                        view! {
                            <tr class="border-t border-slate-200">
                                <td class="py-2">
                                    <input
                                        type="checkbox"
                                        aria-label=format!("Select {}", r.title)
                                        on:change=move |ev| toggle(
                                            slug.clone(),
                                            event_target_checked(&ev),
                                        )
                                    />
                                </td>
                                <td class="py-2">
                                    {r
                                        .thumb
                                        .clone()
                                        .map(|t| {
                                            view! {
                                                <img
                                                    src=t
                                                    alt=""
                                                    class="h-10 w-10 rounded object-cover"
                                                    loading="lazy"
                                                />
                                            }
                                        })}
                                </td>
                                <td class="py-2">
                                    <a
                                        class="font-medium underline"
                                        href=format!("/admin/products/{}", r.slug)
                                    >
                                        {r.title.clone()}
                                    </a>
                                    <div class="text-xs text-slate-500">
                                        {format!("{} · {} variants", r.brand, r.variants)}
                                    </div>
                                </td>
                                <td>{r.status.clone()}</td>
                                <td>{r.category.clone()}</td>
                                <td class="text-right">{price}</td>
                                <td class="text-right">{r.available}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <div class="mt-4">
            <Pager
                page=view.page.page
                page_count=view.page.pages
                href=move |n| query_href(&query, n)
            />
        </div>
    }
}
