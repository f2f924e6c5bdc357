//! `/admin/products/csv`: download the catalog as CSV, or import a file.
//! The server checks every row first (errors listed by row, nothing
//! written); a valid file is applied in the background while this page
//! shows its progress.
use leptos::prelude::*;
use serde::Deserialize;

use super::layout::AdminPage;
use crate::api::catalog_admin::staff_warehouses;
use crate::components::forms::error_text;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
struct RowErrorView {
    row: usize,
    message: String,
}

// Only the browser moves past Idle.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Clone, Debug, Default, PartialEq)]
enum Stage {
    #[default]
    Idle,
    Checking,
    Running {
        done: usize,
        total: usize,
    },
    Finished {
        created: u64,
        updated: u64,
        unchanged: u64,
    },
    Rejected(Vec<RowErrorView>),
    Failed(String),
}

#[component]
pub fn AdminProductCsvPage() -> impl IntoView {
    let stage = RwSignal::new(Stage::Idle);
    // The stock columns the file carries; loading them also checks the
    // caller may manage the catalog.
    let houses = Resource::new_blocking(|| (), |_| staff_warehouses());
    let start = move |_| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(run_import(stage));
    };
    view! {
        <AdminPage title="Import and export products">
            <nav aria-label="Breadcrumb" class="mb-4 text-sm text-slate-500">
                <a href="/admin/products" class="underline">
                    "Products"
                </a>
                " › "
                <span aria-current="page">"CSV"</span>
            </nav>
            <Suspense>
                {move || Suspend::new(async move {
                    match houses.await {
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                        Ok(list) => {
                            view! {
                                <p class="mb-4 text-sm text-slate-600">
                                    "Columns: slug, title, brand, category, status, featured, low_stock, description, seo_title, seo_description, option1_name … option3_value, sku, price, compare_at_price, weight_grams, "
                                    {list
                                        .iter()
                                        .map(|w| format!("stock:{}", w.code))
                                        .collect::<Vec<_>>()
                                        .join(", ")}
                                </p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
            <section class="mb-10 flex flex-col gap-2">
                <h2 class="text-lg font-semibold">"Export"</h2>
                <p class="text-sm text-slate-600">
                    "Every product and variant, one row per variant, with stock per warehouse. Edit it in a spreadsheet and import it back."
                </p>
                <a
                    href="/admin/products.csv"
                    download="products.csv"
                    rel="external"
                    data-testid="export-csv"
                    class="w-fit rounded-md border border-slate-300 px-3 py-2 text-sm"
                >
                    "Download products.csv"
                </a>
            </section>
            <section class="flex flex-col gap-3" aria-labelledby="import-h">
                <h2 id="import-h" class="text-lg font-semibold">
                    "Import"
                </h2>
                <p class="text-sm text-slate-600">
                    "Rows with a known slug update that product; new slugs create products. Nothing is written unless every row is valid."
                </p>
                <div class="flex flex-wrap items-end gap-3">
                    <div class="flex flex-col gap-1">
                        <label for="csv-file" class="text-sm font-medium">
                            "CSV file"
                        </label>
                        <input id="csv-file" type="file" accept=".csv,text/csv" class="text-sm" />
                    </div>
                    <button
                        type="button"
                        on:click=start
                        data-testid="import-csv"
                        disabled=move || {
                            matches!(stage.get(), Stage::Checking | Stage::Running { .. })
                        }
                        class="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
                    >
                        "Import"
                    </button>
                </div>
                <div aria-live="polite" data-testid="import-status">
                    {move || match stage.get() {
                        Stage::Idle => ().into_any(),
                        Stage::Checking => view! { <p>"Checking every row…"</p> }.into_any(),
                        Stage::Running { done, total } => {
                            view! {
                                <label class="flex flex-col gap-1 text-sm">
                                    {format!("Importing: {done} of {total} products")}
                                    <progress max=total value=done class="w-80"></progress>
                                </label>
                            }
                                .into_any()
                        }
                        Stage::Finished { created, updated, unchanged } => {
                            view! {
                                <p
                                    role="status"
                                    class="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
                                    data-testid="notice"
                                >
                                    {format!(
                                        "Done: {created} created, {updated} updated, {unchanged} unchanged.",
                                    )}
                                </p>
                            }
                                .into_any()
                        }
                        Stage::Failed(message) => {
                            view! {
                                <p
                                    role="alert"
                                    class="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
                                >
                                    {message}
                                </p>
                            }
                                .into_any()
                        }
                        Stage::Rejected(errors) => {
                            view! {
                                <div role="alert" class="flex flex-col gap-2">
                                    <p class="text-sm font-medium text-red-800">
                                        {format!(
                                            "Nothing was imported. Fix these {} problems and try again:",
                                            errors.len(),
                                        )}
                                    </p>
                                    <table class="text-sm" data-testid="import-errors">
                                        <thead class="text-left text-slate-500">
                                            <tr>
                                                <th class="pr-4">"Row"</th>
                                                <th>"Problem"</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {errors
                                                .into_iter()
                                                .map(|e| {
                                                    view! {
                                                        <tr class="border-t border-slate-200">
                                                            <td class="pr-4">{e.row}</td>
                                                            <td>{e.message}</td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }
                                .into_any()
                        }
                    }}
                </div>
            </section>
        </AdminPage>
    }
}

#[cfg(feature = "hydrate")]
async fn run_import(stage: RwSignal<Stage>) {
    use crate::components::upload::{chosen_file, get_json, post_file, sleep};
    let Some(file) = chosen_file("csv-file") else {
        stage.set(Stage::Failed("Choose a CSV file first.".into()));
        return;
    };
    stage.set(Stage::Checking);
    let reply = match post_file("/admin/products/import", &file).await {
        Ok(r) => r,
        Err(e) => return stage.set(Stage::Failed(e)),
    };
    if reply.status == 422 {
        let errors = reply
            .json
            .get("errors")
            .cloned()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        return stage.set(Stage::Rejected(errors));
    }
    let Some(job) = reply
        .json
        .get("job")
        .and_then(|v| v.as_str())
        .map(str::to_owned)
    else {
        return stage.set(Stage::Failed(reply.error()));
    };
    loop {
        sleep(400).await;
        let r = match get_json(&format!("/admin/products/import/{job}")).await {
            Ok(r) if r.status == 200 => r.json,
            Ok(r) => return stage.set(Stage::Failed(r.error())),
            Err(e) => return stage.set(Stage::Failed(e)),
        };
        let num = |k: &str| r.get(k).and_then(|v| v.as_u64()).unwrap_or(0);
        match r.get("state").and_then(|v| v.as_str()) {
            Some("running") => stage.set(Stage::Running {
                done: num("done") as usize,
                total: num("total") as usize,
            }),
            Some("finished") => {
                let o = r.get("outcome").cloned().unwrap_or_default();
                let n = |k: &str| o.get(k).and_then(|v| v.as_u64()).unwrap_or(0);
                return stage.set(Stage::Finished {
                    created: n("created"),
                    updated: n("updated"),
                    unchanged: n("unchanged"),
                });
            }
            _ => {
                let message = r
                    .get("error")
                    .and_then(|v| v.as_str())
                    .unwrap_or("The import failed; nothing was changed.")
                    .to_owned();
                return stage.set(Stage::Failed(message));
            }
        }
    }
}
