//! Where a mail's "stop these emails" link lands: a question and a button,
//! a form post, not a GET that acts, so a mail scanner following the link
//! changes nothing. Then what was done, or why not.
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use model::AppError;

use crate::api::cart::CartRemindersOff;
use crate::api::wishlist::WishlistAlertsOff;
use crate::components::forms::error_text;
use crate::locale::use_i18n;

/// The page around one kind of stop link; `children` is its form.
#[component]
fn StopEmails(
    title: &'static str,
    done: &'static str,
    result: Signal<Option<Result<(), AppError>>>,
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <Title text=title />
        <Meta name="robots" content="noindex" />
        <h1 class="mb-4 text-2xl font-bold tracking-tight">{title}</h1>
        {move || match result.get() {
            Some(Ok(())) => {
                view! {
                    <p role="status" data-testid="stop-emails-done">
                        {done}
                    </p>
                }
                    .into_any()
            }
            other => {
                view! {
                    {other
                        .and_then(|r| r.err())
                        .map(|e| {
                            view! {
                                <p role="alert" class="mb-2 text-red-700">
                                    {error_text(&e)}
                                </p>
                            }
                        })}
                    {children()}
                }
                    .into_any()
            }
        }}
    }
}

const BUTTON: &str = "rounded-md bg-slate-900 px-4 py-2 font-semibold text-white";

fn token() -> impl Fn() -> String + Copy {
    let query = use_query_map();
    move || query.read().get("token").unwrap_or_default()
}

#[component]
pub fn WishlistAlertsOffPage() -> impl IntoView {
    let i = use_i18n();
    let token = token();
    let off = ServerAction::<WishlistAlertsOff>::new();
    view! {
        <StopEmails
            title=i.t("help-alerts-off-title")
            done=i.t("help-alerts-off-done")
            result=off.value().into()
        >
            <ActionForm action=off>
                <input type="hidden" name="token" value=token() />
                <p class="mb-3">{i.t("help-alerts-off-question")}</p>
                <button type="submit" class=BUTTON data-testid="alerts-off">
                    {i.t("help-alerts-off-submit")}
                </button>
            </ActionForm>
        </StopEmails>
    }
}

#[component]
pub fn CartRemindersOffPage() -> impl IntoView {
    let i = use_i18n();
    let token = token();
    let off = ServerAction::<CartRemindersOff>::new();
    view! {
        <StopEmails
            title=i.t("help-reminders-off-title")
            done=i.t("help-reminders-off-done")
            result=off.value().into()
        >
            <ActionForm action=off>
                <input type="hidden" name="token" value=token() />
                <p class="mb-3">{i.t("help-reminders-off-question")}</p>
                <button type="submit" class=BUTTON data-testid="reminders-off">
                    {i.t("help-reminders-off-submit")}
                </button>
            </ActionForm>
        </StopEmails>
    }
}
