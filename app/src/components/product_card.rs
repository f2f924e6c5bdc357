use leptos::prelude::*;

use super::price::Price;
use super::stars::RatingBadge;
use super::wishlist_state::WishlistHeart;
use crate::locale::use_i18n;
use model::storefront::ProductCard as Card;

#[component]
pub fn ProductGrid(products: Vec<Card>) -> impl IntoView {
    view! {
        <ul
            role="list"
            class="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4"
            data-testid="product-grid"
        >
            {products.into_iter().map(|p| view! { <ProductCard product=p /> }).collect_view()}
        </ul>
    }
}

#[component]
pub fn ProductCard(product: Card) -> impl IntoView {
    let i = use_i18n();
    let href = i.href(&format!("/product/{}", product.slug));
    let heart = view! { <WishlistHeart slug=product.slug.clone() title=product.title.clone() /> };
    let on_sale = product.compare_at.is_some();
    let from = product.price_varies();
    view! {
        <li class="group relative" data-testid="product-card">
            <div class="absolute right-2 top-2 z-10">{heart}</div>
            <div class="aspect-square overflow-hidden rounded-lg bg-slate-100">
                {product
                    .image
                    .map(|img| {
                        view! {
                            <img
                                src=img.url
                                alt=img.alt
                                width=img.width
                                height=img.height
                                loading="lazy"
                                class="h-full w-full object-cover transition group-hover:scale-105"
                            />
                        }
                    })}
            </div>
            <div class="mt-3 flex flex-col gap-1">
                <p class="text-xs uppercase tracking-wide text-slate-500">{product.brand}</p>
                <h3 class="text-sm font-medium text-slate-900">
                    <a href=href class="focus:outline-none focus-visible:underline">
                        // The link covers the whole card for pointer users.
                        <span aria-hidden="true" class="absolute inset-0"></span>
                        {product.title}
                    </a>
                </h3>
                <Price price=product.price_min compare_at=product.compare_at from />
                {product.rating.map(|rating| view! { <RatingBadge rating /> })}
                <div class="flex gap-2 text-xs">
                    {on_sale
                        .then(|| {
                            view! {
                                <span class="rounded bg-red-100 px-1.5 py-0.5 text-red-800">
                                    {i.t("ui-card-sale")}
                                </span>
                            }
                        })}
                    {(!product.in_stock)
                        .then(|| {
                            view! {
                                <span class="rounded bg-slate-200 px-1.5 py-0.5 text-slate-700">
                                    {i.t("ui-out-of-stock")}
                                </span>
                            }
                        })}
                </div>
            </div>
        </li>
    }
}
