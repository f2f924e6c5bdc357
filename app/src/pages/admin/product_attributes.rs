//! The product editor's attribute fields: those its category (and the
//! categories above it) define, one input per kind. Changing the category
//! changes the fields; values of attributes the new category lacks are not
//! sent.
use leptos::prelude::*;

use crate::components::forms::{issue_attrs, IssueText, Issues};
use model::attributes::{AttributeDef, AttributeField, AttributeKind, EditorAttribute, NO, YES};
use model::product_form::ProductForm;

const INPUT: &str = "rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-900";

/// The attributes a product of `category` carries.
pub fn applicable<'a>(defs: &'a [EditorAttribute], category: &str) -> Vec<&'a AttributeDef> {
    defs.iter()
        .filter(|d| d.categories.iter().any(|c| c == category))
        .map(|d| &d.def)
        .collect()
}

/// The form with only the values its category's attributes take.
pub fn keep_applicable(form: &mut ProductForm, defs: &[EditorAttribute]) {
    let codes: Vec<String> = applicable(defs, &form.category)
        .into_iter()
        .map(|d| d.code.clone())
        .collect();
    form.attributes.retain(|a| codes.contains(&a.code));
}

fn values_of(form: RwSignal<ProductForm>, code: &str) -> Vec<String> {
    form.with_untracked(|f| {
        f.attributes
            .iter()
            .find(|a| a.code == code)
            .map(|a| a.values.clone())
            .unwrap_or_default()
    })
}

fn set_values(form: RwSignal<ProductForm>, code: &str, values: Vec<String>) {
    form.update(|f| match f.attributes.iter_mut().find(|a| a.code == code) {
        Some(a) => a.values = values,
        None => f.attributes.push(AttributeField {
            code: code.to_owned(),
            values,
        }),
    });
}

#[component]
pub fn ProductAttributes(
    form: RwSignal<ProductForm>,
    defs: Vec<EditorAttribute>,
    issues: Issues,
) -> impl IntoView {
    let defs = StoredValue::new(defs);
    // A memo: the fields are drawn again when the category changes, not on
    // every keystroke elsewhere in the form.
    let category = Memo::new(move |_| form.with(|f| f.category.clone()));
    move || {
        let shown: Vec<AttributeDef> = defs.with_value(|d| {
            applicable(d, &category.get())
                .into_iter()
                .cloned()
                .collect()
        });
        if shown.is_empty() {
            return None;
        }
        Some(view! {
            <section
                aria-labelledby="attributes-h"
                class="grid gap-4 md:grid-cols-2"
                data-testid="product-attributes"
            >
                <h2 id="attributes-h" class="text-lg font-semibold md:col-span-2">
                    "Attributes"
                </h2>
                {shown.into_iter().map(|def| field(form, def, issues)).collect_view()}
            </section>
        })
    }
}

fn field(form: RwSignal<ProductForm>, def: AttributeDef, issues: Issues) -> impl IntoView {
    let id = format!("attr-{}", def.code);
    let name = format!("attributes.{}", def.code);
    let issue_id = format!("{id}-issue");
    let (invalid, describedby) = issue_attrs(Some(issues), name.clone(), None, issue_id.clone());
    let current = values_of(form, &def.code);
    let first = current.first().cloned().unwrap_or_default();
    let code = def.code.clone();
    let label = if def.unit.is_empty() {
        def.name.clone()
    } else {
        format!("{} ({})", def.name, def.unit)
    };
    let input = match def.kind {
        AttributeKind::Text | AttributeKind::Number => view! {
            <input
                id=id.clone()
                type="text"
                inputmode=(def.kind == AttributeKind::Number).then_some("decimal")
                value=first
                class=INPUT
                aria-invalid=invalid
                aria-describedby=describedby
                on:input=move |ev| set_values(form, &code, vec![event_target_value(&ev)])
            />
        }
        .into_any(),
        AttributeKind::MultiChoice => {
            let boxes = def
                .choices
                .iter()
                .map(|c| {
                    let value = c.value.clone();
                    let code = code.clone();
                    let checked = current.contains(&value);
                    view! {
                        <label class="flex items-center gap-2 text-sm">
                            <input
                                type="checkbox"
                                checked=checked
                                on:change=move |ev| {
                                    let mut now = values_of(form, &code);
                                    now.retain(|v| *v != value);
                                    if event_target_checked(&ev) {
                                        now.push(value.clone());
                                    }
                                    set_values(form, &code, now);
                                }
                            />
                            {c.value.clone()}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <div
                    id=id.clone()
                    role="group"
                    aria-label=def.name.clone()
                    class="flex flex-wrap gap-x-4 gap-y-1"
                >
                    {boxes}
                </div>
            }
            .into_any()
        }
        AttributeKind::Boolean | AttributeKind::Choice | AttributeKind::Colour => {
            let choices: Vec<(String, String)> = if def.kind == AttributeKind::Boolean {
                vec![(YES.into(), "Yes".into()), (NO.into(), "No".into())]
            } else {
                def.choices
                    .iter()
                    .map(|c| (c.value.clone(), c.value.clone()))
                    .collect()
            };
            view! {
                <select
                    id=id.clone()
                    class=INPUT
                    aria-invalid=invalid
                    aria-describedby=describedby
                    on:change=move |ev| set_values(form, &code, vec![event_target_value(&ev)])
                >
                    <option value="">"—"</option>
                    {choices
                        .into_iter()
                        .map(|(value, text)| {
                            let selected = value == first;
                            view! {
                                <option value=value selected=selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
    };
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="text-sm font-medium text-slate-800">
                {label}
            </label>
            {input}
            <IssueText issues field=name id=issue_id />
        </div>
    }
}
