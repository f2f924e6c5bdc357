use leptos::prelude::*;

use crate::locale::use_i18n;

/// Previous / numbered / next links. `href(n)` builds page n's URL.
#[component]
pub fn Pager(page: u64, page_count: u64, href: impl Fn(u64) -> String + 'static) -> impl IntoView {
    if page_count <= 1 {
        return ().into_any();
    }
    let i = use_i18n();
    let mut pages: Vec<u64> = vec![1, page.saturating_sub(1), page, page + 1, page_count];
    pages.retain(|p| *p >= 1 && *p <= page_count);
    pages.sort_unstable();
    pages.dedup();
    let mut items = Vec::new();
    let mut last = 0;
    for p in pages {
        if p > last + 1 {
            items.push(
                view! {
                    <li aria-hidden="true" class="px-2 text-slate-400">
                        "…"
                    </li>
                }
                .into_any(),
            );
        }
        let current = p == page;
        items.push(
            view! {
                <li>
                    <a
                        href=href(p)
                        aria-current=current.then_some("page")
                        aria-label=i
                            .f(
                                "ui-pager-page",
                                &[("page", i64::try_from(p).unwrap_or(i64::MAX).into())],
                            )
                        class=if current {
                            "block rounded-md bg-slate-900 px-3 py-1.5 text-white"
                        } else {
                            "block rounded-md px-3 py-1.5 hover:bg-slate-100"
                        }
                    >
                        {p}
                    </a>
                </li>
            }
            .into_any(),
        );
        last = p;
    }
    let prev = (page > 1).then(|| href(page - 1));
    let next = (page < page_count).then(|| href(page + 1));
    view! {
        <nav
            aria-label=i.t("ui-pager-label")
            class="mt-10 flex items-center justify-center gap-2 text-sm"
        >
            {prev
                .map(|h| {
                    view! {
                        <a href=h rel="prev" class="rounded-md px-3 py-1.5 hover:bg-slate-100">
                            {i.t("ui-pager-previous")}
                        </a>
                    }
                })}
            <ol class="flex items-center gap-1">{items}</ol>
            {next
                .map(|h| {
                    view! {
                        <a href=h rel="next" class="rounded-md px-3 py-1.5 hover:bg-slate-100">
                            {i.t("ui-pager-next")}
                        </a>
                    }
                })}
        </nav>
    }
    .into_any()
}
