//! The signed-in user for the whole page (header, account pages), read by
//! the server with the page's frame, and the guard that sends anonymous
//! visitors to sign in.
use leptos::prelude::*;
use leptos_router::{components::Redirect, hooks::use_location};
use model::AppError;

use model::accounts::UserSummary;

/// The signed-in user as the server read them with the page's frame.
#[derive(Clone, Copy)]
pub struct CurrentUser(StoredValue<Result<Option<UserSummary>, AppError>>);

impl CurrentUser {
    /// The signed-in user; none for a visitor, or if they could not be read.
    pub fn get(self) -> Option<UserSummary> {
        self.0.with_value(|u| u.as_ref().ok().flatten().cloned())
    }

    pub fn read(self) -> Result<Option<UserSummary>, AppError> {
        self.0.get_value()
    }
}

pub fn provide_current_user(user: Result<Option<UserSummary>, AppError>) {
    provide_context(CurrentUser(StoredValue::new(user)));
}

pub fn use_current_user() -> CurrentUser {
    expect_context::<CurrentUser>()
}

/// Renders `children` for a signed-in user; anyone else goes to sign in and
/// comes back here afterwards.
#[component]
pub fn RequireUser(children: ChildrenFn) -> impl IntoView {
    if use_current_user().get().is_some() {
        return children().into_any();
    }
    let next = use_location().pathname.get_untracked();
    let path = format!("/signin?next={}", model::url::encode(&next));
    view! { <Redirect path=path /> }.into_any()
}
