//! The signed-in user for the whole page (header, account pages), loaded
//! once per page, and the guard that sends anonymous visitors to sign in.
use leptos::prelude::*;
use leptos_router::{components::Redirect, hooks::use_location};
use model::AppError;

use crate::api::session::get_current_user;
use model::accounts::UserSummary;

#[derive(Clone, Copy)]
pub struct CurrentUserResource(pub Resource<Result<Option<UserSummary>, AppError>>);

pub fn provide_current_user() {
    let user = Resource::new_blocking(|| (), |_| get_current_user());
    provide_context(CurrentUserResource(user));
}

pub fn use_current_user() -> CurrentUserResource {
    expect_context::<CurrentUserResource>()
}

/// Renders `children` for a signed-in user; anyone else goes to sign in and
/// comes back here afterwards.
#[component]
pub fn RequireUser(children: ChildrenFn) -> impl IntoView {
    let user = use_current_user();
    let location = use_location();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=|| {
            view! { <p class="text-slate-500">"Loading…"</p> }
        }>
            {move || Suspend::new(async move {
                match user.0.await {
                    Ok(Some(_)) => children.with_value(|c| c()).into_any(),
                    _ => {
                        let next = location.pathname.get_untracked();
                        let path = format!("/signin?next={}", model::url::encode(&next));
                        view! { <Redirect path=path /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
