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
    let i = crate::locale::use_i18n();
    let url = format!("{base_url}{}", i.href(&path));
    let tail = if path == "/" { "" } else { path.as_str() };
    // The same page in every language (and the negotiated one, unprefixed),
    // so search engines show each audience its own.
    let alternates = model::Locale::ALL
        .iter()
        .map(|l| (l.code(), format!("{base_url}{}{tail}", l.prefix())))
        .chain(std::iter::once(("x-default", format!("{base_url}{path}"))))
        .map(|(lang, href)| view! { <Link rel="alternate" hreflang=lang href=href /> })
        .collect_view();
    let full_title = if title.is_empty() {
        shop.clone()
    } else {
        format!("{title} | {shop}")
    };
    view! {
        <Title text=full_title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=url.clone() />
        {alternates}
        <Meta property="og:site_name" content=shop />
        <Meta property="og:type" content=og_type />
        <Meta property="og:title" content=full_title />
        <Meta property="og:description" content=description />
        <Meta property="og:url" content=url />
        {image.map(|src| view! { <Meta property="og:image" content=format!("{base_url}{src}") /> })}
    }
}
