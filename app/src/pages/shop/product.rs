use std::sync::Arc;

use leptos::prelude::*;

use crate::components::swatch::swatch;
use leptos_meta::Meta;
use model::catalog::ProductStatus;
use model::storefront::{ProductDetail, VariantDetail};

use crate::api::recommendations::get_product_recommendations;
use crate::components::add_to_cart::AddToCartButton;
use crate::components::shelf::{BrowserShelves, ShelfData, ShelfLoad};
use crate::components::wishlist_state::WishlistHeart;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::product_reviews::{ProductReviews, ReviewData};
use super::NotFound;
use crate::api::catalog::{get_product, preview_product};
use crate::components::{
    breadcrumbs::Breadcrumbs, error_panel::ErrorPanel, price::Price, seo::PageMeta, site::use_site,
    stars::RatingBadge,
};
use crate::locale::use_i18n;

#[component]
pub fn ProductPage() -> impl IntoView {
    let i = use_i18n();
    let site = use_site();
    let params = use_params_map();
    // `?variant=SKU` preselects a variant (shareable links); read once, the
    // picker keeps the address bar up to date afterwards without navigating.
    let wanted_sku = StoredValue::new(use_query_map().read_untracked().get("variant"));
    // `?preview=1`: staff see drafts and archived products as they would look.
    let preview = use_query_map().read_untracked().get("preview").is_some();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let data = Resource::new_blocking(slug, move |slug| async move {
        if preview {
            preview_product(slug, i.locale).await
        } else {
            get_product(slug, i.locale).await
        }
    });
    // Made here, outside the suspended view, so it is fetched once.
    let reviews = ReviewData::new(slug);
    view! {
        <Suspense fallback=move || {
            view! { <p class="text-slate-500">{i.t("product-loading")}</p> }
        }>
            {move || Suspend::new(async move {
                let site = site.identity();
                match data.await {
                    Err(e) => view! { <ErrorPanel message=e.to_string() /> }.into_any(),
                    Ok(None) => view! { <NotFound /> }.into_any(),
                    Ok(Some(product)) => {
                        let wanted_sku = wanted_sku.get_value();
                        let hidden = (product.status != ProductStatus::Active)
                            .then(|| {
                                let args = [("status", i18n::Arg::from(product.status.as_str()))];
                                let banner = i.f("product-preview-banner", &args);
                                view! {
                                    <Meta name="robots" content="noindex" />
                                    <p
                                        role="status"
                                        data-testid="preview-banner"
                                        class="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
                                    >
                                        {banner}
                                    </p>
                                }
                            });
                        view! {
                            {hidden}
                            <ProductDetail
                                product
                                reviews
                                wanted_sku
                                site_name=site.name
                                base_url=site.public_url
                            />
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The variant whose option values are exactly `selected`.
fn find_variant<'a>(
    variants: &'a [VariantDetail],
    selected: &[String],
) -> Option<&'a VariantDetail> {
    variants.iter().find(|v| v.values == selected)
}

/// What picking `value` for option `index` leads to: the exact match with
/// the other choices kept, else the first in-stock variant with that value.
fn choose(
    variants: &[VariantDetail],
    selected: &[String],
    index: usize,
    value: &str,
) -> Option<Vec<String>> {
    let mut wanted = selected.to_vec();
    if index < wanted.len() {
        wanted[index] = value.to_owned();
    }
    if find_variant(variants, &wanted).is_some() {
        return Some(wanted);
    }
    let mut with_value = variants
        .iter()
        .filter(|v| v.values.get(index).is_some_and(|x| x == value));
    let first = with_value.clone().next();
    with_value
        .find(|v| v.available > 0)
        .or(first)
        .map(|v| v.values.clone())
}

/// Puts the chosen variant in the address bar without a navigation, so the
/// link can be shared and a reload keeps the choice.
fn remember_variant(sku: &str) {
    let url = format!("?variant={}", model::url::encode(sku));
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

#[component]
fn ProductDetail(
    product: ProductDetail,
    reviews: ReviewData,
    wanted_sku: Option<String>,
    site_name: String,
    base_url: String,
) -> impl IntoView {
    // `tr`, not `i`: the image list below counts with `i`.
    let tr = use_i18n();
    let site = use_site();
    let variants = StoredValue::new(product.variants.clone());
    let initial = product
        .variants
        .iter()
        .find(|v| wanted_sku.as_deref() == Some(v.sku.as_str()))
        .or_else(|| product.variants.iter().find(|v| v.available > 0))
        .or(product.variants.first())
        .map(|v| v.values.clone())
        .unwrap_or_default();
    let selected = RwSignal::new(initial);
    let current =
        Memo::new(move |_| variants.with_value(|vs| find_variant(vs, &selected.read()).cloned()));
    let picked_image = RwSignal::new(None::<usize>);
    let images = StoredValue::new(product.images.clone());
    let main_image = Memo::new(move |_| {
        picked_image
            .get()
            .or_else(|| current.get().and_then(|v| v.image_index))
            .unwrap_or(0)
    });

    let price = Signal::derive({
        let fallback = product.price_min;
        move || current.get().map(|v| v.price).unwrap_or_else(|| fallback)
    });
    let compare_at = Signal::derive(move || current.get().and_then(|v| v.compare_at));
    let sku = move || current.get().map(|v| v.sku).unwrap_or_default();
    let stock = move || match current.get().map(|v| v.available) {
        Some(n) if n > 5 => (tr.t("product-in-stock"), "text-green-700"),
        Some(n) if n > 0 => (tr.t("product-few-left"), "text-amber-700"),
        _ => (tr.t("product-out-of-stock"), "text-slate-500"),
    };

    let first_image = product.images.first().map(|i| i.url.clone());
    let options = product.options.clone();

    view! {
        <PageMeta
            shop=site_name
            base_url
            title=product.seo_title.clone()
            description=product.seo_description.clone()
            path=format!("/product/{}", product.slug)
            image=first_image.unwrap_or_default()
            og_type="product"
        />
        <script type="application/ld+json" inner_html=product.json_ld.clone()></script>
        <Breadcrumbs trail=product.breadcrumbs.clone() current=product.title.clone() />
        <div class="grid gap-8 lg:grid-cols-2">
            <section aria-label=tr.t("product-images")>
                <div class="aspect-square overflow-hidden rounded-xl bg-slate-100">
                    {move || {
                        images
                            .with_value(|imgs| imgs.get(main_image.get()).or(imgs.first()).cloned())
                            .map(|img| {
                                view! {
                                    <img
                                        src=img.url
                                        alt=img.alt
                                        width=img.width
                                        height=img.height
                                        data-testid="main-image"
                                        class="h-full w-full object-cover"
                                    />
                                }
                            })
                    }}
                </div>
                <ul class="mt-4 grid grid-cols-5 gap-2" aria-label=tr.t("product-more-images")>
                    {product
                        .images
                        .iter()
                        .enumerate()
                        .map(|(i, img)| {
                            let args = [
                                ("number", i18n::Arg::from(i + 1)),
                                ("alt", i18n::Arg::from(&img.alt)),
                            ];
                            let label = tr.f("product-show-image", &args);
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        aria-label=label
                                        aria-pressed=move || (main_image.get() == i).to_string()
                                        on:click=move |_| picked_image.set(Some(i))
                                        class=move || {
                                            let ring = if main_image.get() == i {
                                                "ring-2 ring-slate-900"
                                            } else {
                                                "ring-1 ring-slate-200"
                                            };
                                            format!(
                                                "block aspect-square w-full overflow-hidden rounded-md {ring}",
                                            )
                                        }
                                    >
                                        <img
                                            src=img.url.clone()
                                            alt=""
                                            width=img.width
                                            height=img.height
                                            loading="lazy"
                                            class="h-full w-full object-cover"
                                        />
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
            <section aria-labelledby="product-title" class="flex flex-col gap-4">
                <p class="text-sm uppercase tracking-wide text-slate-500">
                    {product.brand.clone()}
                </p>
                <h1 id="product-title" class="text-3xl font-bold tracking-tight">
                    {product.title.clone()}
                </h1>
                {product
                    .rating
                    .map(|rating| {
                        view! {
                            <a href="#reviews" class="w-fit hover:underline">
                                <RatingBadge rating />
                            </a>
                        }
                    })}
                <div aria-live="polite" class="flex flex-col gap-1">
                    <Price price compare_at large=true />
                    <p class="text-sm">
                        <span class=move || stock().1 data-testid="stock-status">
                            {move || stock().0}
                        </span>
                        <span class="ml-3 text-slate-500">
                            {tr.t("product-sku")}" "<span data-testid="sku">{sku}</span>
                        </span>
                    </p>
                </div>
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(oi, option)| {
                        let label_id = format!("option-{oi}");
                        let name = site.word(&option.name);
                        let args = [("name", i18n::Arg::from(&name))];
                        let legend = tr.f("product-option-legend", &args);
                        view! {
                            <fieldset
                                class="mt-2"
                                data-testid=format!("option-{}", option.name.to_lowercase())
                            >
                                <legend id=label_id class="mb-2 text-sm font-semibold">
                                    {legend}
                                    " "
                                    <span class="font-normal">
                                        {move || {
                                            selected
                                                .read()
                                                .get(oi)
                                                .map(|v| site.word(v))
                                                .unwrap_or_default()
                                        }}
                                    </span>
                                </legend>
                                <div class="flex flex-wrap gap-2">
                                    {option
                                        .values
                                        .into_iter()
                                        .map(|value| {
                                            let v_check = value.clone();
                                            let v_click = value.clone();
                                            let v_pressed = value.clone();
                                            let available = Memo::new(move |_| {
                                                let mut wanted = selected.get();
                                                if oi < wanted.len() {
                                                    wanted[oi] = v_check.clone();
                                                }
                                                variants
                                                    .with_value(|vs| {
                                                        find_variant(vs, &wanted).is_some_and(|v| v.available > 0)
                                                    })
                                            });
                                            let pressed = Memo::new(move |_| {
                                                selected.read().get(oi).is_some_and(|s| *s == v_pressed)
                                            });
                                            let label = site.word(&value);
                                            view! {
                                                <button
                                                    type="button"
                                                    data-value=value
                                                    aria-pressed=move || pressed.get().to_string()
                                                    disabled=move || !available.get()
                                                    title=move || {
                                                        (!available.get()).then_some(tr.t("product-out-of-stock"))
                                                    }
                                                    on:click=move |_| {
                                                        let next = variants
                                                            .with_value(|vs| choose(
                                                                vs,
                                                                &selected.get_untracked(),
                                                                oi,
                                                                &v_click,
                                                            ));
                                                        if let Some(next) = next {
                                                            picked_image.set(None);
                                                            selected.set(next);
                                                            if let Some(v) = current.get_untracked() {
                                                                remember_variant(&v.sku);
                                                            }
                                                        }
                                                    }
                                                    class=move || {
                                                        let base = "min-w-12 rounded-md border px-3 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:ring-offset-2";
                                                        let state = if pressed.get() {
                                                            "border-slate-900 bg-slate-900 text-white"
                                                        } else if available.get() {
                                                            "border-slate-300 hover:border-slate-900"
                                                        } else {
                                                            "cursor-not-allowed border-dashed border-slate-200 text-slate-400 line-through"
                                                        };
                                                        format!("{base} {state}")
                                                    }
                                                >
                                                    {label}
                                                </button>
                                            }
                                        })
                                        .collect_view()}
                                </div>
                            </fieldset>
                        }
                    })
                    .collect_view()}
                <div class="flex items-start gap-3">
                    <AddToCartButton
                        sku=Signal::derive(sku)
                        available=Signal::derive(move || {
                            current.get().is_some_and(|v| v.available > 0)
                        })
                    />
                    <WishlistHeart
                        slug=product.slug.clone()
                        sku=Signal::derive(sku)
                        title=product.title.clone()
                    />
                </div>
                <div class="mt-4 rounded-lg bg-slate-50 p-4 text-sm text-slate-700">
                    <p>{product.description.clone()}</p>
                </div>
                <SpecTable specs=product.specs.clone() />
                <details class="text-sm">
                    <summary class="cursor-pointer font-medium">
                        {tr.t("product-all-variants")}
                    </summary>
                    <table class="mt-2 w-full text-left" data-testid="variant-table">
                        <thead>
                            <tr class="text-slate-500">
                                <th class="py-1 font-medium">{tr.t("product-variant")}</th>
                                <th class="py-1 font-medium">{tr.t("product-sku")}</th>
                                <th class="py-1 font-medium">{tr.t("product-price")}</th>
                                <th class="py-1 font-medium">{tr.t("product-availability")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {product
                                .variants
                                .iter()
                                .map(|v| {
                                    view! {
                                        <tr class="border-t border-slate-100">
                                            <td class="py-1">{v.title.clone()}</td>
                                            <td class="py-1 font-mono text-xs">{v.sku.clone()}</td>
                                            <td class="py-1">{tr.money(&v.price)}</td>
                                            <td class="py-1">
                                                {if v.available > 0 {
                                                    tr.t("product-in-stock")
                                                } else {
                                                    tr.t("product-out-of-stock")
                                                }}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </details>
            </section>
        </div>
        {(product.status == ProductStatus::Active)
            .then(|| {
                view! {
                    <Recommended slug=product.slug.clone() />
                    <ProductReviews slug=product.slug.clone() data=reviews />
                }
            })}
    }
}

/// The product's attributes, one row each.
#[component]
fn SpecTable(specs: Vec<model::attributes::Spec>) -> impl IntoView {
    let i = use_i18n();
    let site = use_site();
    (!specs.is_empty())
        .then(|| {
            view! {
                <section aria-labelledby="specs-h" class="text-sm">
                    <h2 id="specs-h" class="mb-2 font-semibold">
                        {i.t("product-specifications")}
                    </h2>
                    <table class="w-full text-left" data-testid="spec-table">
                        <tbody>
                            {specs
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <tr class="border-t border-slate-100">
                                            <th
                                                scope="row"
                                                class="w-1/3 py-1 font-medium text-slate-500"
                                            >
                                                {site.word(&s.name)}
                                            </th>
                                            <td class="py-1">
                                                {s
                                                    .values
                                                    .into_iter()
                                                    .map(|v| {
                                                        view! {
                                                            <span class="mr-3 inline-flex items-center gap-1">
                                                                {swatch(v.swatch)} {site.word(&v.label)}
                                                            </span>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </section>
            }
        })
}

/// "Customers also bought" and "Similar products" (precomputed; an error
/// leaves the shelves out, not the page), asked for by the browser. Also
/// notes the visit's view.
#[component]
fn Recommended(slug: String) -> impl IntoView {
    let i = use_i18n();
    let viewed = slug.clone();
    Effect::new(move |_| crate::components::shelf::remember_viewed(&viewed));
    let load: ShelfLoad = Arc::new(move || {
        let slug = slug.clone();
        Box::pin(async move {
            let recs = get_product_recommendations(slug, i.locale)
                .await
                .unwrap_or_default();
            vec![
                ShelfData {
                    title: i.t("product-also-bought"),
                    id: "also-bought",
                    products: recs.also_bought,
                },
                ShelfData {
                    title: i.t("product-similar"),
                    id: "similar",
                    products: recs.similar,
                },
            ]
        })
    });
    view! { <BrowserShelves load /> }
}
