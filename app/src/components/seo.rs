use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

/// Title, description, canonical link and Open Graph tags for one page.
/// `path` is the canonical path (with any query that matters), e.g. `/product/x`.
#[component]
pub fn PageMeta(
    shop: String,
    base_url: String,
    title: String,
    description: String,
    path: String,
    #[prop(optional)] image: Option<String>,
    #[prop(default = "website")] og_type: &'static str,
) -> impl IntoView {
    let url = format!("{base_url}{path}");
    let full_title = if title.is_empty() {
        shop.clone()
    } else {
        format!("{title} | {shop}")
    };
    view! {
        <Title text=full_title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=url.clone() />
        <Meta property="og:site_name" content=shop />
        <Meta property="og:type" content=og_type />
        <Meta property="og:title" content=full_title />
        <Meta property="og:description" content=description />
        <Meta property="og:url" content=url />
        {image.map(|src| view! { <Meta property="og:image" content=format!("{base_url}{src}") /> })}
    }
}
