use leptos::prelude::*;

use model::storefront::CategoryRef;

use crate::locale::use_i18n;

/// Home › each category › `current` (not a link).
#[component]
pub fn Breadcrumbs(
    trail: Vec<CategoryRef>,
    #[prop(optional)] current: Option<String>,
) -> impl IntoView {
    let tr = use_i18n();
    let last_is_current = current.is_none();
    let n = trail.len();
    view! {
        <nav aria-label=tr.t("ui-breadcrumbs-label") class="mb-4 text-sm text-slate-500">
            <ol class="flex flex-wrap items-center gap-1">
                <li>
                    <a href=tr.href("/") class="hover:text-slate-900 hover:underline">
                        {tr.t("ui-breadcrumbs-home")}
                    </a>
                </li>
                {trail
                    .into_iter()
                    .enumerate()
                    .map(move |(i, c)| {
                        let is_current = last_is_current && i + 1 == n;
                        view! {
                            <li aria-hidden="true">"›"</li>
                            <li>
                                {if is_current {
                                    view! {
                                        <span
                                            aria-current="page"
                                            class="font-medium text-slate-900"
                                        >
                                            {c.name}
                                        </span>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <a
                                            href=tr.href(&format!("/category/{}", c.slug))
                                            class="hover:text-slate-900 hover:underline"
                                        >
                                            {c.name}
                                        </a>
                                    }
                                        .into_any()
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
                {current
                    .map(|c| {
                        view! {
                            <li aria-hidden="true">"›"</li>
                            <li>
                                <span aria-current="page" class="font-medium text-slate-900">
                                    {c}
                                </span>
                            </li>
                        }
                    })}
            </ol>
        </nav>
    }
}
