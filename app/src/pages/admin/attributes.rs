//! `/admin/attributes`: each category's product attributes — what they are
//! called, the code filters and the CSV name them by, what they hold, their
//! choices and whether shoppers filter by them. Products below a category
//! carry its attributes; their values are set in the product editor.
use leptos::prelude::*;

use super::layout::AdminPage;
use super::orders::confirm;
use crate::api::attributes::{staff_attributes, DeleteAttribute, SaveAttribute};
use crate::components::forms::{error_text, successes, ActionError, BoundFields};
use model::attributes::{choices_text, AttributeInput, AttributeKind, AttributeRow};
use model::catalog::CategoryChoice;

const INPUT: &str = "rounded-md border border-slate-300 px-3 py-2 text-sm";

fn edit_form(r: &AttributeRow) -> AttributeInput {
    AttributeInput {
        original: r.def.code.clone(),
        category: r.def.category.clone(),
        name: r.def.name.clone(),
        code: r.def.code.clone(),
        kind: r.def.kind.as_str().to_owned(),
        unit: r.def.unit.clone(),
        choices: choices_text(&r.def.choices),
        filterable: r.def.filterable,
    }
}

#[component]
pub fn AdminAttributesPage() -> impl IntoView {
    let save = ServerAction::<SaveAttribute>::new();
    let delete = ServerAction::<DeleteAttribute>::new();
    let saved = successes(save);
    let list = Resource::new_blocking(
        move || (saved.get(), delete.version().get()),
        |_| staff_attributes(),
    );
    // The form shown: a new definition or one being changed.
    let editing = RwSignal::new(None::<AttributeInput>);
    Effect::new(move |_| {
        if saved.get() > 0 {
            editing.set(None);
        }
    });
    view! {
        <AdminPage title="Attributes">
            <p class="mb-4 max-w-3xl text-sm text-slate-600">
                "A category's attributes appear on its products and those of its subcategories: in the product editor and the CSV file, as a specification table on the product page, and, when shoppers may filter by them, beside category listings and search results."
            </p>
            <ActionError value=delete.value() />
            <Transition>
                {move || Suspend::new(async move {
                    let admin = match list.await {
                        Ok(a) => a,
                        Err(e) => return view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                    };
                    let categories = StoredValue::new(admin.categories.clone());
                    view! {
                        <button
                            type="button"
                            class="mb-4 rounded-md bg-slate-900 px-3 py-2 text-sm font-semibold text-white"
                            on:click=move |_| {
                                editing
                                    .set(
                                        Some(AttributeInput {
                                            kind: AttributeKind::Choice.as_str().to_owned(),
                                            filterable: true,
                                            ..Default::default()
                                        }),
                                    )
                            }
                        >
                            "New attribute"
                        </button>
                        {move || {
                            editing
                                .get()
                                .map(|form| {
                                    view! {
                                        <AttributeEditor
                                            form
                                            categories=categories.get_value()
                                            save
                                            editing
                                        />
                                    }
                                })
                        }}
                        <AttributeTable rows=admin.rows editing delete />
                    }
                        .into_any()
                })}
            </Transition>
        </AdminPage>
    }
}

#[component]
fn AttributeTable(
    rows: Vec<AttributeRow>,
    editing: RwSignal<Option<AttributeInput>>,
    delete: ServerAction<DeleteAttribute>,
) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="text-sm text-slate-600">"No attributes yet."</p> }.into_any();
    }
    view! {
        <table class="w-full text-sm" data-testid="attribute-list">
            <thead class="text-left text-slate-500">
                <tr>
                    <th>"Name"</th>
                    <th>"Code"</th>
                    <th>"Category"</th>
                    <th>"Holds"</th>
                    <th>"Filter"</th>
                    <th class="text-right">"Products"</th>
                    <th></th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|r| {
                        let form = edit_form(&r);
                        let code = r.def.code.clone();
                        let name = r.def.name.clone();
                        let holds = if r.def.kind.has_choices() {
                            format!(
                                "{}: {}",
                                r.def.kind.label(),
                                r
                                    .def
                                    .choices
                                    .iter()
                                    .map(|c| c.value.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            )
                        } else if r.def.unit.is_empty() {
                            r.def.kind.label().to_owned()
                        } else {
                            format!("{} ({})", r.def.kind.label(), r.def.unit)
                        };
                        view! {
                            <tr class="border-t border-slate-200" data-testid="attribute-row">
                                <td class="py-2 font-medium">{r.def.name.clone()}</td>
                                <td class="font-mono">{r.def.code.clone()}</td>
                                <td>{r.category_label.clone()}</td>
                                <td class="max-w-xs truncate" title=holds.clone()>
                                    {holds.clone()}
                                </td>
                                <td>{if r.def.filterable { "Yes" } else { "No" }}</td>
                                <td class="text-right">{r.products}</td>
                                <td class="flex justify-end gap-3 py-2">
                                    <button
                                        type="button"
                                        class="underline"
                                        aria-label=format!("Edit {}", r.def.name)
                                        on:click=move |_| editing.set(Some(form.clone()))
                                    >
                                        "Edit"
                                    </button>
                                    <button
                                        type="button"
                                        class="text-red-700 underline"
                                        aria-label=format!("Delete {}", r.def.name)
                                        on:click=move |_| {
                                            if confirm(
                                                &format!(
                                                    "Delete {name}? Every product's {name} goes with it.",
                                                ),
                                            ) {
                                                delete
                                                    .dispatch(DeleteAttribute {
                                                        code: code.clone(),
                                                    });
                                            }
                                        }
                                    >
                                        "Delete"
                                    </button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn AttributeEditor(
    form: AttributeInput,
    categories: Vec<CategoryChoice>,
    save: ServerAction<SaveAttribute>,
    editing: RwSignal<Option<AttributeInput>>,
) -> impl IntoView {
    let existing = !form.original.is_empty();
    let state = RwSignal::new(form.clone());
    let field = BoundFields {
        state,
        prefix: "attribute",
    };
    let kind = move || AttributeKind::parse(&state.with(|f| f.kind.clone()));
    let issues = move || {
        save.value().with(|v| match v {
            Some(Err(e)) => e.issues.iter().map(|i| i.message.clone()).collect(),
            _ => Vec::<String>::new(),
        })
    };
    view! {
        <form
            class="mb-8 grid max-w-3xl gap-4 rounded-md border border-slate-200 p-4 md:grid-cols-2"
            data-testid="attribute-form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(SaveAttribute {
                    input: state.get_untracked(),
                });
            }
        >
            <h2 class="text-lg font-semibold md:col-span-2">
                {if existing { "Change the attribute" } else { "New attribute" }}
            </h2>
            <div class="md:col-span-2">
                <ActionError value=save.value() />
                <ul class="text-sm text-red-700" data-testid="attribute-issues">
                    {move || issues().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            </div>
            <div class="flex flex-col gap-1">
                <label for="attribute-category" class="text-sm font-medium">
                    "Category"
                </label>
                <select
                    id="attribute-category"
                    name="category"
                    class=INPUT
                    disabled=existing
                    on:change=move |ev| state.update(|f| f.category = event_target_value(&ev))
                >
                    <option value="">"Choose…"</option>
                    {categories
                        .into_iter()
                        .map(|c| {
                            let selected = c.slug == form.category;
                            view! {
                                <option value=c.slug selected=selected>
                                    {c.label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {field.input("Name", "name", "text", form.name.clone(), "", |f, v| f.name = v)}
            {field
                .input(
                    "Code",
                    "code",
                    "text",
                    form.code.clone(),
                    "Names the filter in links and the CSV column (attr:code); left empty, it is made from the name.",
                    |f, v| f.code = v,
                )}
            <div class="flex flex-col gap-1">
                <label for="attribute-kind" class="text-sm font-medium">
                    "Holds"
                </label>
                <select
                    id="attribute-kind"
                    name="kind"
                    class=INPUT
                    disabled=existing
                    on:change=move |ev| state.update(|f| f.kind = event_target_value(&ev))
                >
                    {AttributeKind::ALL
                        .iter()
                        .map(|k| {
                            let selected = k.as_str() == form.kind;
                            view! {
                                <option value=k.as_str() selected=selected>
                                    {k.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <Show when=move || {
                kind() == Some(AttributeKind::Number)
            }>
                {field
                    .input(
                        "Unit",
                        "unit",
                        "text",
                        form.unit.clone(),
                        "Shown after each value, e.g. g, cm or mAh.",
                        |f, v| f.unit = v,
                    )}
            </Show>
            <Show when=move || kind().is_some_and(AttributeKind::has_choices)>
                <div class="flex flex-col gap-1 md:col-span-2">
                    <label for="attribute-choices" class="text-sm font-medium">
                        "Choices"
                    </label>
                    <textarea
                        id="attribute-choices"
                        name="choices"
                        rows="5"
                        class=INPUT
                        aria-describedby="attribute-choices-hint"
                        prop:value=move || state.with(|f| f.choices.clone())
                        on:input=move |ev| state.update(|f| f.choices = event_target_value(&ev))
                    ></textarea>
                    <p id="attribute-choices-hint" class="text-xs text-slate-500">
                        "One per line, in the order shoppers see them. A colour's line ends with its swatch: Navy #1f2a44."
                    </p>
                </div>
            </Show>
            <label class="flex items-center gap-2 text-sm md:col-span-2">
                <input
                    type="checkbox"
                    name="filterable"
                    checked=form.filterable
                    on:change=move |ev| state.update(|f| f.filterable = event_target_checked(&ev))
                />
                "Shoppers can filter by it (not for text)"
            </label>
            <div class="flex gap-3 md:col-span-2">
                <button
                    type="submit"
                    disabled=move || save.pending().get()
                    class="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
                >
                    "Save attribute"
                </button>
                <button type="button" class="underline" on:click=move |_| editing.set(None)>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}
