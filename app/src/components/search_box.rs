//! The header search box: an ARIA combobox with suggestions while typing
//! (debounced), arrow keys to move, Enter to open, Escape to close. Without
//! JavaScript it is a plain GET form to `/search`.
use std::time::Duration;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use crate::api::search::search_suggestions;
use crate::locale::{use_i18n, I18n, Locale};
use model::search::{Autocomplete, SearchRequest};

const DEBOUNCE: Duration = Duration::from_millis(150);
const LISTBOX: &str = "search-suggestions";

#[derive(Clone, PartialEq)]
struct Item {
    href: String,
    kind: &'static str,
    label: String,
    detail: String,
    image: Option<String>,
}

/// The suggestions' links are router paths: `navigate` puts the page's
/// language prefix in front of them.
fn items(s: &Autocomplete, tr: I18n) -> Vec<Item> {
    let cats = s.categories.iter().map(|c| Item {
        href: format!("/category/{}", c.slug),
        kind: "category",
        label: c.name.clone(),
        detail: tr.f(
            "ui-search-category-count",
            &[("count", i64::try_from(c.count).unwrap_or(i64::MAX).into())],
        ),
        image: None,
    });
    let products = s.products.iter().map(|p| Item {
        href: format!("/product/{}", p.slug),
        kind: "product",
        label: p.title.clone(),
        detail: if p.price_varies() {
            tr.f(
                "ui-price-from",
                &[("price", (&tr.money(&p.price_min)).into())],
            )
        } else {
            tr.money(&p.price_min)
        },
        image: p.image.as_ref().map(|i| i.url.clone()),
    });
    cats.chain(products).collect()
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let tr = use_i18n();
    let location = use_location();
    let query_map = use_query_map();
    // The path names the page's language (`/de/search`) on a prefixed page.
    let initial = if Locale::split_path(&location.pathname.get_untracked()).1 == "/search" {
        query_map.read_untracked().get("q").unwrap_or_default()
    } else {
        String::new()
    };
    let text = RwSignal::new(initial);
    let found = RwSignal::new(Vec::<Item>::new());
    let open = RwSignal::new(false);
    // Named, not inline: a `<` in an attribute closure reads as a tag to the
    // view! parser once leptosfmt drops the braces.
    let rows = move || found.get().into_iter().enumerate().collect::<Vec<_>>();
    let active = RwSignal::new(None::<usize>);
    let generation = StoredValue::new(0u64);
    let navigate = use_navigate();

    let fetch = move |typed: String| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if typed.trim().is_empty() {
            found.set(Vec::new());
            open.set(false);
            return;
        }
        set_timeout(
            move || {
                if generation.get_value() != mine {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let result = search_suggestions(typed, tr.locale).await;
                    if generation.get_value() != mine {
                        return;
                    }
                    match result {
                        Ok(s) => {
                            let list = items(&s, tr);
                            open.set(!list.is_empty());
                            found.set(list);
                        }
                        Err(_) => {
                            // Suggestions are a convenience: Enter still searches.
                            found.set(Vec::new());
                            open.set(false);
                        }
                    }
                    active.set(None);
                });
            },
            DEBOUNCE,
        );
    };

    let go = {
        let navigate = navigate.clone();
        move |href: String| {
            open.set(false);
            active.set(None);
            navigate(&href, Default::default());
        }
    };

    let on_key = {
        let go = go.clone();
        move |ev: KeyboardEvent| {
            let n = found.with(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" if n > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
                }
                "ArrowUp" if n > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
                }
                "Escape" => {
                    // With the list open, Escape only closes it (a search
                    // input would otherwise also clear what was typed).
                    if open.get_untracked() {
                        ev.prevent_default();
                    }
                    open.set(false);
                    active.set(None);
                }
                "Enter" => {
                    if let Some(href) = active
                        .get_untracked()
                        .filter(|_| open.get_untracked())
                        .and_then(|i| found.with_untracked(|f| f.get(i).map(|it| it.href.clone())))
                    {
                        ev.prevent_default();
                        go(href);
                    }
                }
                _ => {}
            }
        }
    };

    let on_submit = {
        let go = go.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let q = text.get_untracked();
            go(SearchRequest {
                text: q,
                ..SearchRequest::default()
            }
            .href());
        }
    };

    let option_id = |i: usize| format!("{LISTBOX}-{i}");

    view! {
        <form
            action=tr.href("/search")
            method="get"
            role="search"
            class="relative w-full lg:w-80"
            on:submit=on_submit
        >
            <label for="site-search" class="sr-only">
                {tr.t("ui-search-label")}
            </label>
            <input
                id="site-search"
                name="q"
                type="search"
                autocomplete="off"
                placeholder=tr.t("ui-search-label")
                role="combobox"
                aria-autocomplete="list"
                aria-controls=LISTBOX
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-activedescendant=move || active.get().filter(|_| open.get()).map(option_id)
                data-testid="search-input"
                class="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-900 focus:outline-none"
                prop:value=move || text.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    text.set(v.clone());
                    fetch(v);
                }
                on:keydown=on_key
                on:blur=move |_| set_timeout(move || open.set(false), Duration::from_millis(150))
                on:focus=move |_| {
                    if found.with_untracked(|f| !f.is_empty()) {
                        open.set(true)
                    }
                }
            />
            <ul
                id=LISTBOX
                role="listbox"
                aria-label=tr.t("ui-search-suggestions")
                data-testid="search-suggestions"
                class="absolute left-0 right-0 z-40 mt-1 max-h-96 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
                hidden=move || !open.get()
            >
                <For
                    each=rows
                    key=|(i, it): &(usize, Item)| (*i, it.href.clone())
                    children=move |(i, it)| {
                        let go = go.clone();
                        let href = it.href.clone();
                        view! {
                            <li
                                id=option_id(i)
                                role="option"
                                aria-selected=move || {
                                    if active.get() == Some(i) { "true" } else { "false" }
                                }
                                data-kind=it.kind
                                class=move || {
                                    if active.get() == Some(i) {
                                        "flex cursor-pointer items-center gap-3 bg-slate-100 px-3 py-2"
                                    } else {
                                        "flex cursor-pointer items-center gap-3 px-3 py-2 hover:bg-slate-50"
                                    }
                                }
                                // mousedown, not click: it fires before the input's blur closes the list.
                                on:mousedown=move |ev| {
                                    ev.prevent_default();
                                    go(href.clone());
                                }
                            >
                                {match it.image.clone() {
                                    Some(src) => {
                                        view! {
                                            <img
                                                src=src
                                                alt=""
                                                width="40"
                                                height="40"
                                                class="h-10 w-10 rounded object-cover"
                                            />
                                        }
                                            .into_any()
                                    }
                                    None => {
                                        view! {
                                            <span
                                                aria-hidden="true"
                                                class="flex h-10 w-10 items-center justify-center rounded bg-slate-100 text-xs text-slate-500"
                                            >
                                                {tr.t("ui-search-in-category")}
                                            </span>
                                        }
                                            .into_any()
                                    }
                                }}
                                <span class="flex flex-1 flex-col">
                                    <span class="text-sm text-slate-900">{it.label.clone()}</span>
                                    <span class="text-xs text-slate-500">{it.detail.clone()}</span>
                                </span>
                            </li>
                        }
                    }
                />
            </ul>
        </form>
    }
}
