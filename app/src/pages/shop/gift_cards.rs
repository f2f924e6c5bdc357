//! `/gift-cards`: buy a gift card — the amount, who gets it, a message and
//! the day it arrives by email — then pay like any order.
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::gift_cards::BuyGiftCard;
use crate::components::forms::{go_to, ActionError, Field, Submit};
use crate::components::session::use_current_user;

#[component]
pub fn GiftCardPage() -> impl IntoView {
    let buy = ServerAction::<BuyGiftCard>::new();
    let user = use_current_user();
    Effect::new(move |_| {
        if let Some(Ok(placed)) = buy.value().get() {
            go_to(&placed.redirect_url);
        }
    });
    view! {
        <Title text="Gift cards" />
        <Meta name="description" content="Send a gift card by email, on the day you choose." />
        <h1 class="mb-2 text-2xl font-bold tracking-tight">"Gift cards"</h1>
        <p class="mb-6 max-w-xl text-slate-600">
            "Choose an amount from $5 to $500. The code arrives by email on the day you pick, \
             and pays for anything in the shop."
        </p>
        <ActionForm
            action=buy
            attr:class="flex max-w-md flex-col gap-3"
            attr:data-testid="gift-card-form"
        >
            <ActionError value=buy.value() />
            <Field label="Amount" name="amount" hint="e.g. 25.00" />
            <Suspense>
                {move || Suspend::new(async move {
                    let signed_in = user.0.await.ok().flatten().is_some();
                    if signed_in {
                        view! { <input type="hidden" name="email" value="" /> }.into_any()
                    } else {
                        view! {
                            <Field
                                label="Your email"
                                name="email"
                                kind="email"
                                autocomplete="email"
                                hint="For the receipt."
                            />
                        }
                            .into_any()
                    }
                })}
            </Suspense>
            <Field
                label="Recipient's email"
                name="recipient_email"
                kind="email"
                required=false
                hint="Leave empty to get the card yourself."
            />
            <Field label="Recipient's name" name="recipient_name" required=false />
            <Field
                label="From"
                name="sender_name"
                required=false
                hint="Your name, as they know you."
            />
            <label class="flex flex-col gap-1 text-sm font-medium">
                "Message"
                <textarea
                    name="message"
                    rows="3"
                    maxlength="500"
                    class="rounded-md border border-slate-300 px-3 py-2 font-normal"
                ></textarea>
            </label>
            <Field
                label="Deliver on"
                name="deliver_on"
                kind="date"
                required=false
                hint="Leave empty to send it once paid."
            />
            <Submit label="Buy and pay" pending=buy.pending().into() />
        </ActionForm>
    }
}
