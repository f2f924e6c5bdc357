//! `/gift-cards`: buy a gift card — the amount, who gets it, a message and
//! the day it arrives by email — then pay like any order.
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use model::gift_cards::{MAX_MINOR, MIN_MINOR};
use model::Money;

use crate::api::gift_cards::BuyGiftCard;
use crate::components::forms::{go_to, ActionError, Field, Submit};
use crate::components::session::use_current_user;
use crate::components::site::use_site;
use crate::locale::use_i18n;

#[component]
pub fn GiftCardPage() -> impl IntoView {
    let i = use_i18n();
    let buy = ServerAction::<BuyGiftCard>::new();
    let user = use_current_user();
    let site = use_site();
    Effect::new(move |_| {
        if let Some(Ok(placed)) = buy.value().get() {
            go_to(&placed.redirect_url);
        }
    });
    view! {
        <Title text=i.t("help-gift-cards-title") />
        <Meta name="description" content=i.t("help-gift-cards-description") />
        <h1 class="mb-2 text-2xl font-bold tracking-tight">{i.t("help-gift-cards-title")}</h1>
        {site
            .with(|s| s.and_then(|s| s.currency))
            .map(|currency| {
                let amount = |minor| i.money(&Money::new(minor, currency));
                let (min, max) = (amount(MIN_MINOR), amount(MAX_MINOR));
                // In the currency this page shows prices in: the card is
                // bought, and later spent, in it.
                view! {
                    <p class="mb-6 max-w-xl text-slate-600">
                        {i
                            .f(
                                "help-gift-cards-intro",
                                &[("min", (&min).into()), ("max", (&max).into())],
                            )}
                    </p>
                }
            })}
        <ActionForm
            action=buy
            attr:class="flex max-w-md flex-col gap-3"
            attr:data-testid="gift-card-form"
        >
            <ActionError value=buy.value() />
            <Field
                label=i.t("help-gift-cards-amount")
                name="amount"
                hint=i.t("help-gift-cards-amount-hint")
            />
            {if user.get().is_some() {
                view! { <input type="hidden" name="email" value="" /> }.into_any()
            } else {
                view! {
                    <Field
                        label=i.t("help-gift-cards-your-email")
                        name="email"
                        kind="email"
                        autocomplete="email"
                        hint=i.t("help-gift-cards-your-email-hint")
                    />
                }
                    .into_any()
            }}
            <Field
                label=i.t("help-gift-cards-recipient-email")
                name="recipient_email"
                kind="email"
                required=false
                hint=i.t("help-gift-cards-recipient-email-hint")
            />
            <Field
                label=i.t("help-gift-cards-recipient-name")
                name="recipient_name"
                required=false
            />
            <Field
                label=i.t("help-gift-cards-from")
                name="sender_name"
                required=false
                hint=i.t("help-gift-cards-from-hint")
            />
            <label class="flex flex-col gap-1 text-sm font-medium">
                {i.t("help-gift-cards-message")}
                <textarea
                    name="message"
                    rows="3"
                    maxlength="500"
                    class="rounded-md border border-slate-300 px-3 py-2 font-normal"
                ></textarea>
            </label>
            <Field
                label=i.t("help-gift-cards-deliver-on")
                name="deliver_on"
                kind="date"
                required=false
                hint=i.t("help-gift-cards-deliver-on-hint")
            />
            <Submit label=i.t("help-gift-cards-buy") pending=buy.pending().into() />
        </ActionForm>
    }
}
