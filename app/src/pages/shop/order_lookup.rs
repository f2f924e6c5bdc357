use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::orders::LookupOrder;
use crate::components::forms::{ActionError, AuthCard, Field, Submit};
use crate::components::order_detail::OrderDetail;
use crate::locale::use_i18n;

/// Guests find an order with its number and the email it was placed with.
#[component]
pub fn OrderLookupPage() -> impl IntoView {
    let i = use_i18n();
    let lookup = ServerAction::<LookupOrder>::new();
    view! {
        <Title text=i.t("help-lookup-title") />
        <Meta name="robots" content="noindex" />
        {move || match lookup.value().get() {
            Some(Ok(order)) => view! { <OrderDetail order /> }.into_any(),
            _ => {
                view! {
                    <AuthCard title=i.t("help-lookup-title")>
                        <ActionForm
                            action=lookup
                            attr:class="flex flex-col gap-4"
                            attr:data-testid="lookup-form"
                        >
                            <ActionError value=lookup.value() />
                            <Field
                                label=i.t("help-lookup-number")
                                name="number"
                                hint=i.t("help-lookup-number-hint")
                            />
                            <Field
                                label=i.t("help-lookup-email")
                                name="email"
                                kind="email"
                                autocomplete="email"
                            />
                            <Submit
                                label=i.t("help-lookup-submit")
                                pending=lookup.pending().into()
                            />
                        </ActionForm>
                    </AuthCard>
                }
                    .into_any()
            }
        }}
    }
}
