use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::locale::{use_i18n, Locale};

/// The same page in each language the shop speaks. Full page loads
/// (`rel="external"`): a page speaks one language from start to end.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i = use_i18n();
    let location = use_location();
    let target = move |to: Locale| {
        let path = location.pathname.get();
        let (_, rest) = Locale::split_path(&path);
        let query = location.search.get();
        let rest = if rest == "/" { "" } else { rest };
        if query.is_empty() {
            format!("{}{rest}", to.prefix())
        } else {
            format!("{}{rest}?{query}", to.prefix())
        }
    };
    view! {
        <nav aria-label=i.t("language-switcher") data-testid="language-switcher">
            <ul class="flex gap-1 text-sm">
                {Locale::ALL
                    .iter()
                    .map(|&to| {
                        let current = to == i.locale;
                        view! {
                            <li>
                                <a
                                    href=move || target(to)
                                    rel="external"
                                    hreflang=to.code()
                                    lang=to.code()
                                    title=to.label()
                                    aria-current=current.then_some("true")
                                    class="rounded px-1.5 py-1 font-medium uppercase text-slate-600 hover:bg-slate-100 aria-[current]:bg-slate-900 aria-[current]:text-white"
                                >
                                    {to.code()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
