//! `/admin/categories`: the category tree editor — create, rename, move,
//! reorder and delete (empty ones), each change one small form or button.
use leptos::form::ActionForm;
use leptos::prelude::*;

use super::layout::AdminPage;
use super::orders::confirm;
use crate::api::catalog_admin::{staff_categories, ChangeCategory};
use crate::components::forms::{error_text, ActionError, Field, Submit};
use model::catalog::CategoryAction;

const SMALL: &str = "rounded border border-slate-300 px-2 py-1 text-sm";

#[component]
pub fn AdminCategoriesPage() -> impl IntoView {
    let change = ServerAction::<ChangeCategory>::new();
    let tree = Resource::new_blocking(move || change.version().get(), |_| staff_categories());
    let act = move |action: CategoryAction, slug: String| {
        change.dispatch(ChangeCategory {
            action,
            slug,
            name: String::new(),
            parent: String::new(),
        });
    };
    view! {
        <AdminPage title="Categories">
            <ActionError value=change.value() />
            <Transition>
                {move || Suspend::new(async move {
                    let rows = match tree.await {
                        Ok(r) => r,
                        Err(e) => return view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                    };
                    let choices = StoredValue::new(
                        rows
                            .iter()
                            .map(|r| (
                                r.slug.clone(),
                                format!("{}{}", "— ".repeat(r.depth), r.name),
                            ))
                            .collect::<Vec<_>>(),
                    );
                    view! {
                        <ActionForm
                            action=change
                            attr:class="mb-8 flex flex-wrap items-end gap-3"
                            attr:data-testid="new-category"
                        >
                            <input type="hidden" name="action" value="create" />
                            <input type="hidden" name="slug" value="" />
                            <Field label="New category" name="name" />
                            <label class="flex flex-col text-sm">
                                "Inside"
                                <select
                                    name="parent"
                                    class="rounded-md border border-slate-300 px-3 py-2"
                                >
                                    <option value="">"(top level)"</option>
                                    {choices
                                        .get_value()
                                        .into_iter()
                                        .map(|(s, l)| view! { <option value=s>{l}</option> })
                                        .collect_view()}
                                </select>
                            </label>
                            <Submit label="Add category" pending=change.pending().into() />
                        </ActionForm>
                        <ul class="flex flex-col text-sm" data-testid="category-tree">
                            {rows
                                .into_iter()
                                .map(|r| {
                                    let (s_up, s_down, s_del) = (
                                        r.slug.clone(),
                                        r.slug.clone(),
                                        r.slug.clone(),
                                    );
                                    let (s_rename, s_move, s_view) = (
                                        r.slug.clone(),
                                        r.slug.clone(),
                                        r.slug.clone(),
                                    );
                                    let texts_label = format!(
                                        "Description and translations of {}",
                                        r.name,
                                    );
                                    let (name, name_label, move_label, up_label, down_label) = (
                                        r.name.clone(),
                                        format!("Name of {}", r.name),
                                        format!("New parent of {}", r.name),
                                        format!("Move {} up", r.name),
                                        format!("Move {} down", r.name),
                                    );
                                    let parent = r.parent.clone();
                                    let options: Vec<(String, String)> = choices
                                        .get_value()
                                        .into_iter()
                                        .filter(|(s, _)| *s != r.slug)
                                        .collect();
                                    let indent_rem = r.depth * 2;
                                    view! {
                                        <li
                                            class="flex flex-wrap items-center gap-2 border-t border-slate-200 py-1.5"
                                            style=format!("padding-left: {}rem", indent_rem)
                                        >
                                            <ActionForm
                                                action=change
                                                attr:class="flex items-center gap-1"
                                            >
                                                <input type="hidden" name="action" value="rename" />
                                                <input type="hidden" name="slug" value=s_rename />
                                                <input type="hidden" name="parent" value="" />
                                                <input
                                                    name="name"
                                                    value=name
                                                    aria-label=name_label
                                                    class=SMALL
                                                />
                                                <button type="submit" class="underline">
                                                    "Rename"
                                                </button>
                                            </ActionForm>
                                            <button
                                                type="button"
                                                class="px-1 disabled:opacity-30"
                                                aria-label=up_label
                                                disabled=r.first
                                                on:click=move |_| act(CategoryAction::Up, s_up.clone())
                                            >
                                                "↑"
                                            </button>
                                            <button
                                                type="button"
                                                class="px-1 disabled:opacity-30"
                                                aria-label=down_label
                                                disabled=r.last
                                                on:click=move |_| act(CategoryAction::Down, s_down.clone())
                                            >
                                                "↓"
                                            </button>
                                            <ActionForm
                                                action=change
                                                attr:class="flex items-center gap-1"
                                            >
                                                <input type="hidden" name="action" value="move" />
                                                <input type="hidden" name="slug" value=s_move />
                                                <input type="hidden" name="name" value="" />
                                                <select name="parent" aria-label=move_label class=SMALL>
                                                    <option value="" selected=parent.is_empty()>
                                                        "(top level)"
                                                    </option>
                                                    {options
                                                        .into_iter()
                                                        .map(|(s, l)| {
                                                            let selected = s == parent;
                                                            view! {
                                                                <option value=s selected=selected>
                                                                    {l}
                                                                </option>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </select>
                                                <button type="submit" class="underline">
                                                    "Move"
                                                </button>
                                            </ActionForm>
                                            <a
                                                class="underline"
                                                href=format!("/admin/categories/{s_view}")
                                                aria-label=texts_label
                                            >
                                                "Texts"
                                            </a>
                                            <a class="underline" href=format!("/category/{s_view}")>
                                                "View"
                                            </a>
                                            <button
                                                type="button"
                                                class="text-red-700 underline"
                                                on:click=move |_| {
                                                    if confirm(
                                                        "Delete this category? Only an empty one can be deleted.",
                                                    ) {
                                                        act(CategoryAction::Delete, s_del.clone());
                                                    }
                                                }
                                            >
                                                "Delete"
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                })}
            </Transition>
        </AdminPage>
    }
}
