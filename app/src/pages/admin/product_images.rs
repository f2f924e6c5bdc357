//! The editor's images: upload (checked and re-encoded by the server),
//! list, remove with confirmation.
use leptos::prelude::*;

use crate::api::catalog_admin::RemoveProductImage;
use crate::components::forms::ActionError;
use crate::components::upload::UploadError;
use model::catalog::AdminImage;
use model::url::encode;

#[component]
pub fn ProductImages(slug: String, images: Vec<AdminImage>) -> impl IntoView {
    let list = RwSignal::new(images);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let alt = RwSignal::new(String::new());
    let remove = ServerAction::<RemoveProductImage>::new();
    let slug = StoredValue::new(slug);
    let upload = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let url = format!(
                "/admin/products/{}/images?alt={}",
                encode(&slug.get_value()),
                encode(&alt.get_untracked())
            );
            crate::components::upload::send_chosen("image-file", url, busy, error, move |json| {
                if let Ok(img) = serde_json::from_value::<AdminImage>(json) {
                    list.update(|l| l.push(img));
                }
                alt.set(String::new());
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&error, &busy, &alt, encode(""));
    };
    view! {
        <section
            aria-labelledby="images-h"
            class="mt-10 flex max-w-5xl flex-col gap-4"
            data-testid="product-images"
        >
            <h2 id="images-h" class="text-lg font-semibold">
                "Images"
            </h2>
            <ul class="flex flex-wrap gap-4">
                <For each=move || list.get() key=|i| i.id let:img>
                    {
                        let id = img.id;
                        view! {
                            <li class="flex w-32 flex-col gap-1 text-xs">
                                <img
                                    src=img.url.clone()
                                    alt=img.alt.clone()
                                    class="h-32 w-32 rounded border border-slate-200 object-cover"
                                />
                                <button
                                    type="button"
                                    class="text-left text-red-700 underline"
                                    on:click=move |_| {
                                        if super::orders::confirm("Remove this image?") {
                                            remove
                                                .dispatch(RemoveProductImage {
                                                    slug: slug.get_value(),
                                                    image_id: id,
                                                });
                                            list.update(|l| l.retain(|i| i.id != id));
                                        }
                                    }
                                >
                                    "Remove"
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <ActionError value=remove.value() />
            <div class="flex flex-wrap items-end gap-3">
                <div class="flex flex-col gap-1">
                    <label for="image-file" class="text-sm font-medium">
                        "Image (PNG, JPEG, WebP or GIF, up to 8 MB)"
                    </label>
                    <input
                        id="image-file"
                        type="file"
                        accept="image/png,image/jpeg,image/webp,image/gif"
                        class="text-sm"
                    />
                </div>
                <div class="flex flex-col gap-1">
                    <label for="image-alt" class="text-sm font-medium">
                        "Description for screen readers"
                    </label>
                    <input
                        id="image-alt"
                        class="rounded-md border border-slate-300 px-3 py-2 text-sm"
                        prop:value=move || alt.get()
                        on:input=move |ev| alt.set(event_target_value(&ev))
                    />
                </div>
                <button
                    type="button"
                    on:click=upload
                    disabled=move || busy.get()
                    class="rounded-md border border-slate-300 px-3 py-2 text-sm disabled:opacity-60"
                >
                    {move || if busy.get() { "Uploading…" } else { "Upload image" }}
                </button>
            </div>
            <UploadError error />
        </section>
    }
}
