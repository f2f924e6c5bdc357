//! `/admin/categories/{slug}`: a category's English description and its
//! name and description in the shop's other languages (the English name
//! is renamed in the tree).
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::layout::AdminPage;
use super::translations::{TranslationFields, FIELD};
use crate::api::catalog_admin::{staff_category_texts, SaveCategoryTexts};
use crate::components::forms::{
    error_text, issue_attrs, ActionError, IssueText, Issues, Notice, Submit,
};
use model::catalog::CategoryTexts;

#[component]
pub fn AdminCategoryPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let data = Resource::new_blocking(slug, staff_category_texts);
    view! {
        <AdminPage title="Category">
            <nav aria-label="Breadcrumb" class="mb-4 text-sm text-slate-500">
                <a href="/admin/categories" class="underline">
                    "Categories"
                </a>
                " › "
                <span aria-current="page">{slug}</span>
            </nav>
            <Suspense>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                        Ok(texts) => view! { <CategoryTextsForm texts /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminPage>
    }
}

#[component]
fn CategoryTextsForm(texts: CategoryTexts) -> impl IntoView {
    let CategoryTexts {
        slug,
        name,
        description,
        translations,
    } = texts;
    let state = RwSignal::new(translations.clone());
    let english = RwSignal::new(description.clone());
    let save = ServerAction::<SaveCategoryTexts>::new();
    let issues = Issues::of(save.value());
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    let (invalid, describedby) = issue_attrs(
        Some(issues),
        "description".into(),
        None,
        "cat-description-issue".into(),
    );
    view! {
        <form
            class="max-w-3xl"
            data-testid="category-texts"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(SaveCategoryTexts {
                    slug: slug.clone(),
                    description: english.get_untracked(),
                    rows: state.get_untracked(),
                });
            }
        >
            <ActionError value=save.value() />
            {move || saved().then(|| view! { <Notice>"Category saved."</Notice> })}
            <h2 class="mb-2 text-lg font-semibold">{name}</h2>
            <label for="cat-description" class="block text-sm font-medium">
                "Description (English)"
            </label>
            <textarea
                id="cat-description"
                class=FIELD
                rows="4"
                aria-invalid=invalid
                aria-describedby=describedby
                prop:value=description
                on:input=move |ev| english.set(event_target_value(&ev))
            ></textarea>
            <IssueText issues field="description".into() id="cat-description-issue".into() />
            <h2 class="mt-6 mb-2 text-lg font-semibold">"Translations"</h2>
            <p class="mb-2 text-sm text-slate-600">
                "Leave a name empty to show the English in that language: in the navigation, breadcrumbs, filters and on the category's page."
            </p>
            <TranslationFields rows=translations state issues title="Name" />
            <Submit label="Save category" pending=save.pending().into() />
        </form>
    }
}
