use leptos::prelude::*;
use leptos_router::hooks::use_location;
use model::storefront::SiteInfo;

use crate::locale::I18n;

/// The currencies the shop sells in, the one this page is priced in
/// marked. Each is a link that sets the shopper's choice and comes back
/// to this page (a full load: a page shows one currency from start to end).
/// Nothing when the shop sells in one currency. Drawn inside the header's
/// boundary that already waits for the site info (no boundary of its own).
pub fn currency_switcher(i: I18n, info: &SiteInfo) -> Option<impl IntoView> {
    if info.currencies.len() < 2 {
        return None;
    }
    let location = use_location();
    let back = move || {
        let path = location.pathname.get();
        let query = location.search.get();
        if query.is_empty() {
            model::url::encode(&path)
        } else {
            model::url::encode(&format!("{path}?{query}"))
        }
    };
    let shown = info.currency;
    let links = info
        .currencies
        .iter()
        .map(|&c| {
            view! {
                <li>
                    <a
                        href=move || format!("/currency/{}?next={}", c.code(), back())
                        rel="external nofollow"
                        aria-current=(Some(c) == shown).then_some("true")
                        class="rounded px-1.5 py-1 font-medium text-slate-600 hover:bg-slate-100 aria-[current]:bg-slate-900 aria-[current]:text-white"
                    >
                        {format!("{} {}", c.symbol(), c.code())}
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <nav
            aria-label=i.t("currency-switcher")
            data-testid="currency-switcher"
            class="lg:order-last"
        >
            <ul class="flex gap-1 text-sm">{links}</ul>
        </nav>
    })
}
