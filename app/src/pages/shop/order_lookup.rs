use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::orders::LookupOrder;
use crate::components::forms::{ActionError, AuthCard, Field, Submit};
use crate::components::order_detail::OrderDetail;

/// Guests find an order with its number and the email it was placed with.
#[component]
pub fn OrderLookupPage() -> impl IntoView {
    let lookup = ServerAction::<LookupOrder>::new();
    view! {
        <Title text="Find your order" />
        <Meta name="robots" content="noindex" />
        {move || match lookup.value().get() {
            Some(Ok(order)) => view! { <OrderDetail order /> }.into_any(),
            _ => {
                view! {
                    <AuthCard title="Find your order">
                        <ActionForm
                            action=lookup
                            attr:class="flex flex-col gap-4"
                            attr:data-testid="lookup-form"
                        >
                            <ActionError value=lookup.value() />
                            <Field
                                label="Order number"
                                name="number"
                                hint="As it appears in your confirmation email, e.g. MC-7K3Q9X."
                            />
                            <Field label="Email" name="email" kind="email" autocomplete="email" />
                            <Submit label="Find order" pending=lookup.pending().into() />
                        </ActionForm>
                    </AuthCard>
                }
                    .into_any()
            }
        }}
    }
}
