//! The photos on the shopper's own review: add (checked and re-encoded by
//! the server, `POST /reviews/{slug}/photos`) and remove, up to
//! `PHOTOS_MAX`. Adding one needs the WASM (the body is the file).
use leptos::prelude::*;

use crate::api::reviews::RemoveReviewPhoto;
use crate::components::forms::ActionError;
use crate::components::upload::UploadError;
use crate::locale::use_i18n;
use model::reviews::{ReviewPhoto, PHOTOS_MAX};

/// A split of its own: only a review's author sees these controls, and
/// their upload code (`fetch` with a file body, shared with the admin's
/// image upload) stays out of every shopper's first load.
#[lazy]
pub fn review_photos_view(slug: String, photos: Vec<ReviewPhoto>) -> AnyView {
    view! { <ReviewPhotos slug photos /> }.into_any()
}

#[component]
fn ReviewPhotos(slug: String, photos: Vec<ReviewPhoto>) -> impl IntoView {
    let i = use_i18n();
    let list = RwSignal::new(photos);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let remove = ServerAction::<RemoveReviewPhoto>::new();
    let slug = StoredValue::new(slug);
    let upload = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let url = format!("/reviews/{}/photos", model::url::encode(&slug.get_value()));
            crate::components::upload::send_chosen("review-photo", url, busy, error, move |json| {
                if let Ok(photo) = serde_json::from_value::<ReviewPhoto>(json) {
                    list.update(|l| l.push(photo));
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&error, &busy, &slug);
    };
    let full = move || list.with(|l| l.len() >= PHOTOS_MAX);
    view! {
        <section
            aria-labelledby="review-photos-h"
            class="mt-6 flex flex-col gap-3"
            data-testid="review-photos"
        >
            <h4 id="review-photos-h" class="text-sm font-semibold">
                {i.f("product-photos-heading", &[("max", PHOTOS_MAX.into())])}
            </h4>
            <ul class="flex flex-wrap gap-3">
                <For each=move || list.get() key=|p| p.id let:photo>
                    {
                        let id = photo.id;
                        view! {
                            <li class="flex w-24 flex-col gap-1 text-xs">
                                <img
                                    src=photo.image.url.clone()
                                    alt=i.t("product-photos-yours")
                                    width=photo.image.width
                                    height=photo.image.height
                                    class="h-24 w-24 rounded border border-slate-200 object-cover"
                                />
                                <button
                                    type="button"
                                    class="text-left text-red-700 underline"
                                    on:click=move |_| {
                                        remove.dispatch(RemoveReviewPhoto { photo_id: id });
                                        list.update(|l| l.retain(|p| p.id != id));
                                    }
                                >
                                    {i.t("product-photos-remove")}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <ActionError value=remove.value() />
            <Show when=move || !full()>
                <div class="flex flex-wrap items-end gap-3">
                    <div class="flex flex-col gap-1">
                        <label for="review-photo" class="text-sm">
                            {i.t("product-photos-add-label")}
                        </label>
                        <input
                            id="review-photo"
                            type="file"
                            accept="image/png,image/jpeg,image/webp,image/gif"
                            class="text-sm"
                        />
                    </div>
                    <button
                        type="button"
                        on:click=upload
                        disabled=move || busy.get()
                        class="rounded-md border border-slate-300 px-3 py-2 text-sm disabled:opacity-60"
                    >
                        {move || {
                            if busy.get() {
                                i.t("product-photos-uploading")
                            } else {
                                i.t("product-photos-add")
                            }
                        }}
                    </button>
                </div>
            </Show>
            <UploadError error />
        </section>
    }
}
