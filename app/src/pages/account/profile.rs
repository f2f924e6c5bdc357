use leptos::form::ActionForm;
use leptos::prelude::*;

use super::layout::AccountLayout;
use crate::api::account::{get_profile, UpdateProfile};
use crate::components::forms::{ActionError, Checkbox, Field, Notice, Submit};

#[component]
pub fn ProfilePage() -> impl IntoView {
    let update = ServerAction::<UpdateProfile>::new();
    let profile = Resource::new(move || update.version().get(), |_| get_profile());
    view! {
        <AccountLayout title="Profile">
            <Suspense>
                {move || Suspend::new(async move {
                    profile
                        .await
                        .ok()
                        .map(|p| {
                            view! {
                                <ActionForm
                                    action=update
                                    attr:class="flex max-w-md flex-col gap-4"
                                    attr:data-testid="profile-form"
                                >
                                    {move || {
                                        matches!(update.value().get(), Some(Ok(_)))
                                            .then(|| view! { <Notice>"Saved."</Notice> })
                                    }}
                                    <ActionError value=update.value() />
                                    <p class="text-sm text-slate-600">
                                        "Email: " {p.email.clone()}
                                    </p>
                                    <Field
                                        label="Name"
                                        name="name"
                                        autocomplete="name"
                                        value=p.name.clone()
                                        required=false
                                    />
                                    <Field
                                        label="Phone"
                                        name="phone"
                                        kind="tel"
                                        autocomplete="tel"
                                        value=p.phone.clone()
                                        required=false
                                    />
                                    <Checkbox
                                        label="Email me news and offers"
                                        name="marketing_opt_in"
                                        checked=p.marketing_opt_in
                                    />
                                    <Checkbox
                                        label="After a delivery, ask me to review what I bought"
                                        name="review_requests"
                                        checked=p.review_requests
                                    />
                                    <Checkbox
                                        label="Remind me once about items left in my cart"
                                        name="cart_reminders"
                                        checked=p.cart_reminders
                                    />
                                    <Submit label="Save" pending=update.pending().into() />
                                </ActionForm>
                            }
                        })
                })}
            </Suspense>
        </AccountLayout>
    }
}
