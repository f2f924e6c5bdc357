//! `/admin/reviews`: the moderation queue (waiting and often-reported
//! reviews), and the published and rejected ones. Staff approve, reject
//! with a reason the customer reads, and answer as the shop.
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::reviews::{ModerationFilter, ModerationRow};

use super::layout::AdminPage;
use crate::api::reviews::{staff_reviews, ApproveReview, RejectReview, ReplyReview};
use crate::components::forms::{error_text, ActionError};
use crate::components::photo_strip::PhotoStrip;
use crate::components::stars::Stars;

const INPUT: &str = "rounded-md border border-slate-300 px-3 py-2 text-sm";

#[component]
pub fn AdminReviewsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        query
            .with(|q| q.get("show"))
            .and_then(|s| s.parse::<ModerationFilter>().ok())
            .unwrap_or_default()
    };
    let approve = ServerAction::<ApproveReview>::new();
    let reject = ServerAction::<RejectReview>::new();
    let reply = ServerAction::<ReplyReview>::new();
    let list = Resource::new_blocking(
        move || {
            (
                filter(),
                approve.version().get() + reject.version().get() + reply.version().get(),
            )
        },
        |(filter, _)| staff_reviews(filter, 1),
    );
    let tabs = move || {
        let current = filter();
        ModerationFilter::ALL
            .iter()
            .map(|&f| {
                view! {
                    <a
                        href=format!("/admin/reviews?show={}", f.key())
                        aria-current=(f == current).then_some("page")
                        class=if f == current {
                            "rounded-md bg-slate-900 px-3 py-1.5 text-white"
                        } else {
                            "rounded-md px-3 py-1.5 hover:bg-slate-100"
                        }
                    >
                        {f.label()}
                    </a>
                }
            })
            .collect_view()
    };
    view! {
        <AdminPage title="Reviews">
            <nav aria-label="Which reviews" class="mb-4 flex gap-2 text-sm">
                {tabs}
            </nav>
            <ActionError value=approve.value() />
            <ActionError value=reject.value() />
            <ActionError value=reply.value() />
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                        Ok(rows) if rows.is_empty() => {
                            view! { <p class="text-slate-600">"Nothing here."</p> }.into_any()
                        }
                        Ok(rows) => {
                            view! {
                                <ul class="flex flex-col gap-4" data-testid="moderation-list">
                                    {rows
                                        .into_iter()
                                        .map(|row| {
                                            view! { <ModerationItem row approve reject reply /> }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </AdminPage>
    }
}

#[component]
fn ModerationItem(
    row: ModerationRow,
    approve: ServerAction<ApproveReview>,
    reject: ServerAction<RejectReview>,
    reply: ServerAction<ReplyReview>,
) -> impl IntoView {
    let id = row.id;
    let marks = [
        row.flagged.then_some("Language flagged"),
        (row.reports > 0).then_some("Reported"),
        row.verified.then_some("Verified purchase"),
    ];
    view! {
        <li class="rounded-lg border border-slate-200 p-4" data-testid="moderation-item">
            <div class="flex flex-wrap items-center gap-2 text-sm">
                <Stars stars=row.rating />
                <strong>{row.title}</strong>
                <span class="text-slate-500">
                    "on " <a class="underline" href=format!("/product/{}", row.product_slug)>
                        {row.product_title}
                    </a>
                </span>
                <span
                    class="rounded bg-slate-100 px-1.5 py-0.5 text-xs"
                    data-testid="review-status"
                >
                    {row.status.label()}
                </span>
                {marks
                    .into_iter()
                    .flatten()
                    .map(|m| {
                        view! {
                            <span class="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                                {m}
                            </span>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="mt-1 text-xs text-slate-500">
                {format!("{} <{}> · {}", row.author, row.author_email, row.written)}
                {(row.reports > 0).then(|| format!(" · {} reports", row.reports))}
            </p>
            <p class="mt-2 whitespace-pre-line text-sm">{row.body}</p>
            <PhotoStrip photos=row.photos />
            {row
                .reject_reason
                .map(|r| view! { <p class="mt-1 text-sm text-red-800">"Rejected: " {r}</p> })}
            <div class="mt-3 flex flex-wrap items-start gap-4">
                <ActionForm action=approve>
                    <input type="hidden" name="review_id" value=id />
                    <button
                        type="submit"
                        class="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white"
                        data-testid="approve"
                    >
                        {if row.reports > 0 { "Keep published" } else { "Approve" }}
                    </button>
                </ActionForm>
                <ActionForm action=reject attr:class="flex items-center gap-2">
                    <input type="hidden" name="review_id" value=id />
                    <label class="sr-only" for=format!("reject-{id}")>
                        "Reason for the customer"
                    </label>
                    <input
                        id=format!("reject-{id}")
                        name="reason"
                        required
                        maxlength="500"
                        placeholder="Reason the customer will read"
                        class=INPUT
                    />
                    <button
                        type="submit"
                        class="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white"
                        data-testid="reject"
                    >
                        "Reject"
                    </button>
                </ActionForm>
                <ActionForm action=reply attr:class="flex w-full items-start gap-2">
                    <input type="hidden" name="review_id" value=id />
                    <label class="sr-only" for=format!("reply-{id}")>
                        "The shop's answer"
                    </label>
                    <textarea
                        id=format!("reply-{id}")
                        name="text"
                        rows="2"
                        maxlength="2000"
                        placeholder="Answer as the shop (shown under the review)"
                        class=format!("{INPUT} flex-1")
                    >
                        {row.reply.unwrap_or_default()}
                    </textarea>
                    <button
                        type="submit"
                        class="rounded-md bg-slate-200 px-3 py-1.5 text-sm"
                        data-testid="reply"
                    >
                        "Save answer"
                    </button>
                </ActionForm>
            </div>
        </li>
    }
}
