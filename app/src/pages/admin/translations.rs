//! Words in the languages the shop speaks besides English, one fieldset
//! per language: below the product editor (title and description) and on
//! a category's page (name and description). An empty title or name shows
//! the English; an empty description shows the English description.
use leptos::prelude::*;

use crate::api::catalog_admin::SaveTranslations;
use crate::components::forms::{issue_attrs, ActionError, IssueText, Issues, Notice, Submit};
use model::product_form::TranslationRow;
use model::Locale;

pub const FIELD: &str = "w-full rounded border border-slate-300 px-2 py-1 text-sm";

/// The rows as fields writing into `state`; `title` names the row's first
/// field ("Title", "Name"). Problems show under `translations.{i}.*`.
#[component]
pub fn TranslationFields(
    rows: Vec<TranslationRow>,
    state: RwSignal<Vec<TranslationRow>>,
    issues: Issues,
    title: &'static str,
) -> impl IntoView {
    let language =
        |code: &str| Locale::from_tag(code).map_or(code.to_owned(), |l| l.label().to_owned());
    let field = move |i: usize, description: bool, initial: String, label: String| {
        let name = if description { "description" } else { "title" };
        let field = format!("translations.{i}.{name}");
        let id = format!("tr-{i}-{name}");
        let issue_id = format!("{id}-issue");
        let (invalid, describedby) =
            issue_attrs(Some(issues), field.clone(), None, issue_id.clone());
        let write = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            state.update(|rows| {
                if let Some(r) = rows.get_mut(i) {
                    if description {
                        r.description = v;
                    } else {
                        r.title = v;
                    }
                }
            })
        };
        let input = if description {
            view! {
                <textarea
                    id=id.clone()
                    class=FIELD
                    rows="4"
                    aria-invalid=invalid
                    aria-describedby=describedby
                    prop:value=initial
                    on:input=write
                ></textarea>
            }
            .into_any()
        } else {
            view! {
                <input
                    id=id.clone()
                    class=FIELD
                    aria-invalid=invalid
                    aria-describedby=describedby
                    value=initial
                    on:input=write
                />
            }
            .into_any()
        };
        view! {
            <label for=id class="mt-2 block text-sm font-medium">
                {label}
            </label>
            {input}
            <IssueText issues field=field id=issue_id />
        }
    };
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let name = language(&r.locale);
            view! {
                <fieldset
                    class="mb-4 rounded border border-slate-200 p-3"
                    data-testid=format!("translation-{}", r.locale)
                >
                    <legend class="px-1 text-sm font-semibold">{name.clone()}</legend>
                    {field(i, false, r.title.clone(), format!("{title} ({name})"))}
                    {field(i, true, r.description.clone(), format!("Description ({name})"))}
                </fieldset>
            }
        })
        .collect_view()
}

#[component]
pub fn Translations(slug: String, rows: Vec<TranslationRow>) -> impl IntoView {
    let state = RwSignal::new(rows.clone());
    let save = ServerAction::<SaveTranslations>::new();
    let issues = Issues::of(save.value());
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    view! {
        <section class="mt-10 max-w-3xl" aria-labelledby="translations-h">
            <h2 id="translations-h" class="mb-2 text-lg font-semibold">
                "Translations"
            </h2>
            <p class="mb-2 text-sm text-slate-600">
                "Leave a title empty to show the English in that language; the search finds the product by the words shown."
            </p>
            <form
                data-testid="translations"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    save.dispatch(SaveTranslations {
                        slug: slug.clone(),
                        rows: state.get_untracked(),
                    });
                }
            >
                <ActionError value=save.value() />
                {move || saved().then(|| view! { <Notice>"Translations saved."</Notice> })}
                <TranslationFields rows state issues title="Title" />
                <Submit label="Save translations" pending=save.pending().into() />
            </form>
        </section>
    }
}
