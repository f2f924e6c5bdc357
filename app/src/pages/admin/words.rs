//! `/admin/words`: the glossary of option and attribute words ("Size",
//! "Navy", "Cotton") in the shop's other languages. Every word options and
//! attributes use is listed; an empty translation shows the English.
use leptos::prelude::*;

use super::layout::AdminPage;
use super::translations::FIELD;
use crate::api::glossary::{staff_words, SaveWords};
use crate::components::forms::{
    error_text, issue_attrs, ActionError, IssueText, Issues, Notice, Submit,
};
use model::glossary::WordRow;
use model::Locale;

#[component]
pub fn AdminWordsPage() -> impl IntoView {
    let rows = Resource::new_blocking(|| (), |_| staff_words());
    view! {
        <AdminPage title="Words">
            <p class="mb-4 max-w-3xl text-sm text-slate-600">
                "The words products' options and categories' attributes are made of, as shoppers read them in each language: option names and values on product pages, filters on category and search pages, the specification table. Filters and links keep the English word."
            </p>
            <Suspense>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                        Ok(rows) => view! { <WordsForm rows /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminPage>
    }
}

#[component]
fn WordsForm(rows: Vec<WordRow>) -> impl IntoView {
    let others: Vec<Locale> = Locale::others().collect();
    let width = others.len();
    let locales = StoredValue::new(others);
    let locale = move |c: usize| locales.with_value(|l| l[c]);
    let state = RwSignal::new(rows);
    let save = ServerAction::<SaveWords>::new();
    let issues = Issues::of(save.value());
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    let cell = move |i: usize, column: Option<usize>, label: String| {
        let name = column.map_or("word".to_owned(), |c| locale(c).code().to_owned());
        let field = format!("words.{i}.{name}");
        let issue_id = format!("word-{i}-{name}-issue");
        let (invalid, describedby) =
            issue_attrs(Some(issues), field.clone(), None, issue_id.clone());
        let initial = state.with_untracked(|rows| {
            rows.get(i)
                .map(|r| match column {
                    None => r.word.clone(),
                    Some(c) => r.translations.get(c).cloned().unwrap_or_default(),
                })
                .unwrap_or_default()
        });
        let write = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            state.update(|rows| {
                if let Some(r) = rows.get_mut(i) {
                    match column {
                        None => r.word = v,
                        Some(c) => {
                            r.translations.resize(width, String::new());
                            r.translations[c] = v;
                        }
                    }
                }
            })
        };
        view! {
            <td class="py-1 pr-2 align-top">
                <input
                    class=FIELD
                    aria-label=label
                    aria-invalid=invalid
                    aria-describedby=describedby
                    value=initial
                    on:input=write
                />
                <IssueText issues field id=issue_id />
            </td>
        }
    };
    let count = Memo::new(move |_| state.with(Vec::len));
    view! {
        <form
            data-testid="words"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(SaveWords {
                    rows: state.get_untracked(),
                });
            }
        >
            <ActionError value=save.value() />
            {move || saved().then(|| view! { <Notice>"Words saved."</Notice> })}
            <table class="w-full max-w-4xl text-left text-sm">
                <thead>
                    <tr>
                        <th class="pb-2">"English"</th>
                        {(0..width)
                            .map(|c| view! { <th class="pb-2">{locale(c).label()}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        (0..count.get())
                            .map(|i| {
                                let (word, in_use) = state
                                    .with_untracked(|rows| {
                                        rows.get(i)
                                            .map(|r| (r.word.clone(), r.in_use))
                                            .unwrap_or_default()
                                    });
                                let first = if in_use {
                                    view! {
                                        <td
                                            class="py-1 pr-2 align-top font-medium"
                                            data-testid="word"
                                        >
                                            {word.clone()}
                                        </td>
                                    }
                                        .into_any()
                                } else {
                                    cell(i, None, format!("English word {}", i + 1)).into_any()
                                };
                                view! {
                                    <tr class="border-t border-slate-100">
                                        {first}
                                        {(0..width)
                                            .map(|c| {
                                                let label = format!(
                                                    "{} in {}",
                                                    if word.is_empty() { "The word" } else { &word },
                                                    locale(c).label(),
                                                );
                                                cell(i, Some(c), label)
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <div class="mt-4 flex gap-3">
                <button
                    type="button"
                    class="rounded-md border border-slate-300 px-4 py-2 text-sm"
                    on:click=move |_| {
                        state
                            .update(|rows| {
                                rows.push(WordRow {
                                    word: String::new(),
                                    translations: vec![String::new(); width],
                                    in_use: false,
                                })
                            })
                    }
                >
                    "Add a word"
                </button>
                <Submit label="Save words" pending=save.pending().into() />
            </div>
        </form>
    }
}
