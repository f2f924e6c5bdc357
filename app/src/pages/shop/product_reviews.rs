//! The reviews section of the product page: the rating histogram (each bar
//! filters by its stars), the sorted reviews with helpful votes and abuse
//! reports, and the viewer's own review form. Sort, filter and page live in
//! the URL (`rsort`, `rstars`, `rpage`), so every view is a link that works
//! without the WASM and a page the cache can keep. Forms post to server
//! functions, so they work before hydration too.
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::reviews::{ReviewSort, ReviewStanding, ReviewStatus, ReviewView, ReviewsPage};
use model::AppError;

use super::review_photos::review_photos_view;
use crate::api::reviews::{
    product_reviews, review_eligibility, ReportReview, SubmitReview, VoteReview,
};
use crate::components::forms::{error_text, successes, ActionError, Submit};
use crate::components::pager::Pager;
use crate::components::photo_strip::PhotoStrip;
use crate::components::stars::{glyphs, Stars};
use crate::locale::{use_i18n, I18n};

pub mod param {
    pub const SORT: &str = "rsort";
    pub const STARS: &str = "rstars";
    pub const PAGE: &str = "rpage";
}

fn href(sort: ReviewSort, stars: Option<u8>, page: u64) -> String {
    let mut q = Vec::new();
    if sort != ReviewSort::default() {
        q.push(format!("{}={}", param::SORT, sort.key()));
    }
    if let Some(s) = stars {
        q.push(format!("{}={s}", param::STARS));
    }
    if page > 1 {
        q.push(format!("{}={page}", param::PAGE));
    }
    if q.is_empty() {
        "?#reviews".to_owned()
    } else {
        format!("?{}#reviews", q.join("&"))
    }
}

/// What the reviews section loads. Made by the page, outside its
/// `<Suspense>`: a resource created inside a suspended view is created (and
/// fetched) again each time the server walks that view, twice per render.
#[derive(Clone, Copy)]
pub struct ReviewData {
    reviews: Resource<Result<ReviewsPage, AppError>>,
    standing: Resource<Result<ReviewStanding, AppError>>,
    submit: ServerAction<SubmitReview>,
}

impl ReviewData {
    pub fn new(slug: impl Fn() -> String + Copy + Send + Sync + 'static) -> Self {
        let query = use_query_map();
        let state = move || {
            query.with(|q| {
                (
                    ReviewSort::parse(&q.get(param::SORT).unwrap_or_default()),
                    q.get(param::STARS).and_then(|s| s.parse::<u8>().ok()),
                    q.get(param::PAGE)
                        .and_then(|p| p.parse::<u64>().ok())
                        .unwrap_or(1),
                )
            })
        };
        let submit = ServerAction::<SubmitReview>::new();
        let saved = successes(submit);
        let reviews = Resource::new(
            move || (slug(), state(), saved.get()),
            |(slug, (sort, stars, page), _)| product_reviews(slug, sort, stars, page),
        );
        let standing = Resource::new(
            move || (slug(), saved.get()),
            |(slug, _)| review_eligibility(slug),
        );
        Self {
            reviews,
            standing,
            submit,
        }
    }
}

#[component]
pub fn ProductReviews(slug: String, data: ReviewData) -> impl IntoView {
    let i = use_i18n();
    let ReviewData {
        reviews,
        standing,
        submit,
    } = data;
    view! {
        <section
            id="reviews"
            aria-labelledby="reviews-title"
            class="mt-12 border-t border-slate-200 pt-8"
        >
            <h2 id="reviews-title" class="text-2xl font-bold tracking-tight">
                {i.t("product-reviews")}
            </h2>
            <Suspense fallback=move || {
                view! { <p class="text-slate-500">{i.t("product-reviews-loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match reviews.await {
                        Ok(page) => view! { <ReviewList page /> }.into_any(),
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <Suspense>
                {
                    let slug = slug.clone();
                    move || {
                        let slug = slug.clone();
                        Suspend::new(async move {
                            standing
                                .await
                                .ok()
                                .map(|standing| view! { <ReviewForm slug standing submit /> })
                        })
                    }
                }
            </Suspense>
        </section>
    }
}

/// The name of a review order, in the page's language.
fn sort_label(i: I18n, sort: ReviewSort) -> &'static str {
    match sort {
        ReviewSort::Helpful => i.t("product-reviews-sort-helpful"),
        ReviewSort::Newest => i.t("product-reviews-sort-newest"),
        ReviewSort::Highest => i.t("product-reviews-sort-highest"),
        ReviewSort::Lowest => i.t("product-reviews-sort-lowest"),
    }
}

#[component]
fn ReviewList(page: ReviewsPage) -> impl IntoView {
    let i = use_i18n();
    let total: u32 = page.histogram.iter().sum();
    let sort = page.query.sort;
    let stars = page.query.stars;
    let bars = (1..=5u8)
        .rev()
        .map(|s| {
            let n = page.histogram[usize::from(s) - 1];
            let width = (n * 100).checked_div(total).unwrap_or(0);
            let selected = stars == Some(s);
            let link = if selected {
                href(sort, None, 1)
            } else {
                href(sort, Some(s), 1)
            };
            view! {
                <li>
                    <a
                        href=link
                        aria-current=selected.then_some("true")
                        class="flex items-center gap-2 text-sm hover:underline"
                        data-testid=format!("histogram-{s}")
                    >
                        <span class="w-14">
                            {i.f("product-reviews-histogram-stars", &[("stars", s.into())])}
                        </span>
                        <span
                            class="h-2 w-40 overflow-hidden rounded bg-slate-200"
                            aria-hidden="true"
                        >
                            <span
                                class="block h-2 bg-amber-400"
                                style=format!("width: {width}%")
                            ></span>
                        </span>
                        <span class="w-8 text-right text-slate-600">{n}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let sorts = ReviewSort::ALL
        .iter()
        .map(|&s| {
            let current = s == sort;
            view! {
                <a
                    href=href(s, stars, 1)
                    aria-current=current.then_some("true")
                    class=if current { "font-semibold underline" } else { "hover:underline" }
                >
                    {sort_label(i, s)}
                </a>
            }
        })
        .collect_view();
    let summary = (total > 0).then(|| {
        let average = i.tenths(page.summary.average_tenths());
        view! {
            <p class="flex items-center gap-2" data-testid="rating-summary">
                <span class="text-3xl font-bold">{average.clone()}</span>
                <span
                    role="img"
                    aria-label=i.f("product-reviews-rated", &[("average", (&average).into())])
                    class="text-xl text-amber-500"
                >
                    {glyphs(page.summary.average_tenths())}
                </span>
                <span class="text-sm text-slate-600">
                    {i.f("product-reviews-count", &[("count", page.summary.count.into())])}
                </span>
            </p>
        }
    });
    let voted = page.voted.clone();
    let items = page
        .reviews
        .into_iter()
        .map(|r| {
            let already = voted.contains(&r.id);
            view! { <ReviewItem review=r already /> }
        })
        .collect_view();
    let empty = (total == 0).then(|| {
        view! { <p class="mt-4 text-slate-600">{i.t("product-reviews-empty")}</p> }
    });
    view! {
        {summary}
        {empty}
        <div class="mt-4 grid gap-8 md:grid-cols-3">
            <div>
                <ul class="flex flex-col gap-1" aria-label=i.t("product-reviews-filter-stars")>
                    {bars}
                </ul>
            </div>
            <div class="md:col-span-2">
                <nav aria-label=i.t("product-reviews-sort") class="flex flex-wrap gap-3 text-sm">
                    {sorts}
                </nav>
                <ul class="mt-4 flex flex-col gap-6" data-testid="review-list">
                    {items}
                </ul>
                <Pager
                    page=page.query.page
                    page_count=page.page_count
                    href=move |n| href(sort, stars, n)
                />
            </div>
        </div>
    }
}

#[component]
fn ReviewItem(review: ReviewView, already: bool) -> impl IntoView {
    let i = use_i18n();
    let vote = ServerAction::<VoteReview>::new();
    let report = ServerAction::<ReportReview>::new();
    let id = review.id;
    let helpful = review.helpful;
    view! {
        <li class="flex flex-col gap-2" data-testid="review">
            <div class="flex items-center gap-2">
                <Stars stars=review.rating />
                <h3 class="font-semibold">{review.title}</h3>
            </div>
            <p class="text-xs text-slate-500">
                {review.author} " · " {i.day(&review.date)}
                {review
                    .verified
                    .then(|| {
                        view! {
                            <span
                                class="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-800"
                                data-testid="verified"
                            >
                                {i.t("product-reviews-verified")}
                            </span>
                        }
                    })}
            </p>
            <p class="whitespace-pre-line text-sm text-slate-800">{review.body}</p>
            <PhotoStrip photos=review.photos />
            {review
                .reply
                .map(|reply| {
                    view! {
                        <div
                            class="ml-4 border-l-2 border-slate-200 pl-3 text-sm"
                            data-testid="shop-reply"
                        >
                            <p class="font-medium">{i.t("product-reviews-shop-replied")}</p>
                            <p class="whitespace-pre-line text-slate-700">{reply}</p>
                        </div>
                    }
                })}
            <div class="flex flex-wrap items-center gap-4 text-sm">
                <ActionForm action=vote attr:class="flex items-center gap-2">
                    <input type="hidden" name="review_id" value=id />
                    <button
                        type="submit"
                        disabled=move || already || matches!(vote.value().get(), Some(Ok(_)))
                        class="rounded border border-slate-300 px-2 py-1 hover:border-slate-900 disabled:opacity-60"
                        data-testid="helpful"
                    >
                        {move || {
                            let count = match vote.value().get() {
                                Some(Ok(n)) => n,
                                _ => helpful,
                            };
                            i.f("product-reviews-helpful", &[("count", count.into())])
                        }}
                    </button>
                    {move || {
                        vote.value()
                            .get()
                            .and_then(|r| r.err())
                            .map(|e| {
                                view! {
                                    <span role="alert" class="text-red-700">
                                        {error_text(&e)}
                                    </span>
                                }
                            })
                    }}
                </ActionForm>
                <details>
                    <summary class="cursor-pointer text-slate-500">
                        {i.t("product-reviews-report")}
                    </summary>
                    <ActionForm action=report attr:class="mt-2 flex items-center gap-2">
                        <input type="hidden" name="review_id" value=id />
                        <label class="sr-only" for=format!("report-{id}")>
                            {i.t("product-reviews-report-label")}
                        </label>
                        <input
                            id=format!("report-{id}")
                            name="reason"
                            required
                            maxlength="200"
                            placeholder=i.t("product-reviews-report-placeholder")
                            class="rounded border border-slate-300 px-2 py-1"
                        />
                        <button type="submit" class="rounded bg-slate-200 px-2 py-1">
                            {i.t("product-reviews-report-send")}
                        </button>
                        {move || match report.value().get() {
                            Some(Ok(())) => {
                                Some(
                                    view! {
                                        <span role="status">
                                            {i.t("product-reviews-report-thanks")}
                                        </span>
                                    }
                                        .into_any(),
                                )
                            }
                            Some(Err(e)) => {
                                Some(
                                    view! {
                                        <span role="alert" class="text-red-700">
                                            {error_text(&e)}
                                        </span>
                                    }
                                        .into_any(),
                                )
                            }
                            None => None,
                        }}
                    </ActionForm>
                </details>
            </div>
        </li>
    }
}

#[component]
fn ReviewForm(
    slug: String,
    standing: ReviewStanding,
    submit: ServerAction<SubmitReview>,
) -> impl IntoView {
    // `tr`, not `i`: the form's issue list below names each one `i`.
    let tr = use_i18n();
    let (input, note, photos) = match standing {
        ReviewStanding::SignIn => {
            let next = tr.href(&format!("/product/{slug}#reviews"));
            return view! {
                <p class="mt-6 text-sm">
                    <a
                        class="underline"
                        href=tr.href(&format!("/signin?next={}", model::url::encode(&next)))
                    >
                        {tr.t("product-reviews-sign-in")}
                    </a>
                </p>
            }
            .into_any();
        }
        ReviewStanding::NotBought => {
            return view! { <p class="mt-6 text-sm text-slate-600">{tr.t("product-reviews-buyers-only")}</p> }
            .into_any();
        }
        ReviewStanding::CanWrite { .. } => (Default::default(), None, None),
        ReviewStanding::Written {
            input,
            status,
            reject_reason,
            photos,
        } => {
            let note = match (status, reject_reason) {
                (ReviewStatus::Rejected, Some(reason)) => tr.f(
                    "product-review-not-published",
                    &[("reason", (&reason).into())],
                ),
                (ReviewStatus::Pending, _) => tr.t("product-review-state-pending").to_owned(),
                (ReviewStatus::Published, _) => tr.t("product-review-state-published").to_owned(),
                (ReviewStatus::Rejected, None) => tr.t("product-review-state-rejected").to_owned(),
            };
            (input, Some(note), Some(photos))
        }
    };
    let photo_slug = slug.clone();
    view! {
        <div class="mt-8 max-w-xl" data-testid="review-form-panel">
            <h3 class="text-lg font-semibold">
                {if note.is_some() {
                    tr.t("product-review-edit")
                } else {
                    tr.t("product-review-write")
                }}
            </h3>
            {note
                .map(|n| {
                    view! {
                        <p class="text-sm text-slate-600" data-testid="review-state">
                            {n}
                        </p>
                    }
                })}
            <ActionForm
                action=submit
                attr:class="mt-3 flex flex-col gap-3"
                attr:data-testid="review-form"
            >
                {move || match submit.value().get() {
                    Some(Ok(ReviewStatus::Published)) => {
                        Some(view! { <p role="status">{tr.t("product-review-published")}</p> })
                    }
                    Some(Ok(_)) => {
                        Some(view! { <p role="status">{tr.t("product-review-pending")}</p> })
                    }
                    _ => None,
                }}
                <ActionError value=submit.value() />
                {move || {
                    submit
                        .value()
                        .get()
                        .and_then(|r| r.err())
                        .map(|e| {
                            e.issues
                                .into_iter()
                                .map(|i| {
                                    view! {
                                        <p class="text-sm text-red-700" data-testid="review-issue">
                                            {i.message}
                                        </p>
                                    }
                                })
                                .collect_view()
                        })
                }}
                <input type="hidden" name="slug" value=slug />
                <fieldset>
                    <legend class="text-sm font-medium">{tr.t("product-review-rating")}</legend>
                    <div class="flex gap-3">
                        {(1..=5u8)
                            .map(|s| {
                                view! {
                                    <label class="flex items-center gap-1 text-sm">
                                        <input
                                            type="radio"
                                            name="rating"
                                            value=s
                                            required
                                            checked=input.rating == s
                                        />
                                        {format!("{s} ★")}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <label class="flex flex-col gap-1 text-sm font-medium">
                    {tr.t("product-review-title")}
                    <input
                        name="title"
                        required
                        maxlength="120"
                        value=input.title
                        class="rounded-md border border-slate-300 px-3 py-2 font-normal"
                    />
                </label>
                <label class="flex flex-col gap-1 text-sm font-medium">
                    {tr.t("product-review-body")}
                    <textarea
                        name="body"
                        required
                        minlength="10"
                        maxlength="5000"
                        rows="5"
                        class="rounded-md border border-slate-300 px-3 py-2 font-normal"
                    >
                        {input.body}
                    </textarea>
                </label>
                <div>
                    <Submit label=tr.t("product-review-send") pending=submit.pending().into() />
                </div>
            </ActionForm>
            {photos.map(|photos| view! { <OwnPhotos slug=photo_slug photos /> })}
        </div>
    }
    .into_any()
}

/// The author's photo controls, fetched as a split of their own once the
/// page is interactive: they need the WASM anyway (the upload sends the
/// file with `fetch`), so the server renders nothing here and the client
/// adds them after hydration, without a hydration mismatch.
#[component]
fn OwnPhotos(slug: String, photos: Vec<model::reviews::ReviewPhoto>) -> impl IntoView {
    let interactive = RwSignal::new(false);
    Effect::new(move |_| interactive.set(true));
    let inputs = StoredValue::new((slug, photos));
    view! {
        <Show when=move || interactive.get()>
            <Suspense>
                {move || {
                    let (slug, photos) = inputs.get_value();
                    Suspend::new(async move { review_photos_view(slug, photos).await })
                }}
            </Suspense>
        </Show>
    }
}
