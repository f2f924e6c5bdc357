//! The photos on a review, small and in a row: on the product page and in
//! the staff moderation queue (a photo is moderated with its review).
use leptos::prelude::*;
use model::storefront::Image;

use crate::locale::use_i18n;

#[component]
pub fn PhotoStrip(photos: Vec<Image>) -> impl IntoView {
    let i = use_i18n();
    (!photos.is_empty()).then(|| {
        view! {
            <ul
                class="flex gap-2"
                aria-label=i.t("ui-photo-strip-label")
                data-testid="review-photo-strip"
            >
                {photos
                    .into_iter()
                    .map(|p| {
                        view! {
                            <li>
                                <img
                                    src=p.url
                                    alt=p.alt
                                    width=p.width
                                    height=p.height
                                    loading="lazy"
                                    class="h-20 w-20 rounded object-cover"
                                />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
