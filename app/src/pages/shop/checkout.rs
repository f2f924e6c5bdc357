use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::checkout::{get_quote, ApplyGiftCard, PlaceOrder, RemoveGiftCard};
use crate::components::forms::{error_text, go_to, issue_attrs, ActionError, IssueText, Issues};
use crate::locale::use_i18n;
use model::commerce::QuoteView;

#[derive(Clone, Copy)]
struct Form {
    email: RwSignal<String>,
    full_name: RwSignal<String>,
    line1: RwSignal<String>,
    line2: RwSignal<String>,
    city: RwSignal<String>,
    region: RwSignal<String>,
    postal_code: RwSignal<String>,
    country: RwSignal<String>,
    phone: RwSignal<String>,
    method: RwSignal<String>,
    promo: RwSignal<String>,
    /// Pay with store credit when the customer has some (on until unticked).
    use_credit: RwSignal<bool>,
}

impl Form {
    fn new() -> Self {
        let s = |v: &str| RwSignal::new(v.to_owned());
        Self {
            email: s(""),
            full_name: s(""),
            line1: s(""),
            line2: s(""),
            city: s(""),
            region: s(""),
            postal_code: s(""),
            country: s("US"),
            phone: s(""),
            method: s(""),
            promo: s(""),
            use_credit: RwSignal::new(true),
        }
    }
}

/// One page: contact, address, shipping method, promo code, review, pay.
/// Totals come from the server for the current choices; placing the order
/// sends the total shown, and the server refuses if it no longer holds.
/// The address fields render once (typing never races a re-render); only
/// the parts that depend on the quote refresh.
#[component]
pub fn CheckoutPage() -> impl IntoView {
    let i = use_i18n();
    let f = Form::new();
    let promo_input = RwSignal::new(String::new());
    let cards = Cards {
        apply: ServerAction::<ApplyGiftCard>::new(),
        remove: ServerAction::<RemoveGiftCard>::new(),
        input: RwSignal::new(String::new()),
    };
    let quote = Resource::new(
        move || {
            (
                (
                    f.country.get(),
                    f.region.get(),
                    f.method.get(),
                    f.promo.get(),
                ),
                f.use_credit.get(),
                (cards.apply.version().get(), cards.remove.version().get()),
            )
        },
        move |((country, region, method, promo), use_credit, _)| {
            get_quote(
                country,
                region,
                method,
                promo,
                f.email.get_untracked(),
                Some(use_credit),
                i.locale,
            )
        },
    );
    // An accepted code leaves the field.
    Effect::new(move |_| {
        if let Some(Ok(())) = cards.apply.value().get() {
            cards.input.set(String::new());
        }
    });
    let place = ServerAction::<PlaceOrder>::new();
    // One key for this page's orders: pressing "Place order" twice, or
    // again after a timeout, is the same order.
    let checkout_key = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(placed)) = place.value().get() {
            go_to(&placed.redirect_url);
        }
    });
    // Fill in what the server knows: the signed-in email, the default method.
    Effect::new(move |_| {
        if let Some(Ok(q)) = quote.get() {
            if checkout_key.get_untracked().is_empty() {
                checkout_key.set(q.checkout_key.clone());
            }
            if let (Some(email), true) = (q.email.clone(), f.email.get_untracked().is_empty()) {
                f.email.set(email);
            }
            if f.method.get_untracked().is_empty() {
                if let Some(m) = q.shipping_method.clone() {
                    f.method.set(m);
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = quote.get_untracked().and_then(|r| r.ok());
        let applied = q.as_ref().is_some_and(|q| q.promo_applied);
        place.dispatch(PlaceOrder {
            email: f.email.get_untracked(),
            full_name: f.full_name.get_untracked(),
            line1: f.line1.get_untracked(),
            line2: f.line2.get_untracked(),
            city: f.city.get_untracked(),
            region: f.region.get_untracked(),
            postal_code: f.postal_code.get_untracked(),
            country: f.country.get_untracked(),
            phone: f.phone.get_untracked(),
            shipping_method: f.method.get_untracked(),
            promo_code: if applied {
                f.promo.get_untracked()
            } else {
                String::new()
            },
            expected_total: q.map(|q| q.total.minor),
            checkout_key: Some(checkout_key.get_untracked()),
            use_store_credit: Some(f.use_credit.get_untracked()),
            locale: Some(i.locale.code().to_owned()),
        });
    };
    // What the server found wrong, beside each field; the typed values stay
    // in their signals.
    let issues = Issues::of(place.value());
    let issue_of = move |name: &'static str| {
        let id = format!("checkout-{name}-issue");
        let (invalid, describedby) = issue_attrs(Some(issues), name.to_owned(), None, id.clone());
        (
            invalid,
            describedby,
            view! { <IssueText issues field=name.to_owned() id /> },
        )
    };
    let text = move |label: &'static str,
                     name: &'static str,
                     sig: RwSignal<String>,
                     auto: &'static str,
                     required: bool| {
        let (invalid, describedby, issue) = issue_of(name);
        view! {
            <div class="flex flex-col gap-1">
                <label class="flex flex-col gap-1 text-sm font-medium">
                    {label}
                    <input
                        name=name
                        autocomplete=auto
                        required=required
                        aria-invalid=invalid
                        aria-describedby=describedby
                        class="rounded-md border border-slate-300 px-3 py-2 font-normal aria-[invalid=true]:border-red-600"
                        prop:value=move || sig.get()
                        on:input=move |ev| sig.set(event_target_value(&ev))
                    />
                </label>
                {issue}
            </div>
        }
    };
    // Region and country change the tax: refresh the quote when the field is left.
    let (region_invalid, region_describedby, region_issue) = issue_of("region");
    let region_field = view! {
        <div class="flex flex-col gap-1">
            <label class="flex flex-col gap-1 text-sm font-medium">
                {i.t("checkout-region")}
                <input
                    name="region"
                    autocomplete="address-level1"
                    aria-invalid=region_invalid
                    aria-describedby=region_describedby
                    class="rounded-md border border-slate-300 px-3 py-2 font-normal aria-[invalid=true]:border-red-600"
                    prop:value=move || f.region.get()
                    on:change=move |ev| f.region.set(event_target_value(&ev))
                />
            </label>
            {region_issue}
        </div>
    };
    view! {
        <Title text=i.t("checkout-title") />
        <Meta name="robots" content="noindex" />
        <h1 class="mb-6 text-2xl font-bold tracking-tight">{i.t("checkout-title")}</h1>
        <form
            class="grid gap-8 md:grid-cols-[1fr_20rem]"
            on:submit=submit
            data-testid="checkout-form"
        >
            <div class="flex flex-col gap-6">
                <fieldset class="flex flex-col gap-3">
                    <legend class="mb-2 text-lg font-semibold">{i.t("checkout-contact")}</legend>
                    <Transition>
                        {move || Suspend::new(async move {
                            let signed_in = quote.await.ok().is_some_and(|q| q.email.is_some());
                            if signed_in {
                                view! {
                                    <p class="text-sm">
                                        {move || {
                                            let email = f.email.get();
                                            i.f(
                                                "checkout-signed-in-as",
                                                &[("email", email.as_str().into())],
                                            )
                                        }}
                                    </p>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    {text(i.t("checkout-email"), "email", f.email, "email", true)}
                                    <p class="text-sm text-slate-500">
                                        {i.t("checkout-have-account")} " "
                                        <a
                                            href=i
                                                .href(&format!("/signin?next={}", i.href("/checkout")))
                                            class="underline"
                                        >
                                            {i.t("checkout-sign-in")}
                                        </a>
                                    </p>
                                }
                                    .into_any()
                            }
                        })}
                    </Transition>
                </fieldset>
                <fieldset class="flex flex-col gap-3">
                    <legend class="mb-2 text-lg font-semibold">
                        {i.t("checkout-shipping-address")}
                    </legend>
                    <Transition>
                        {move || Suspend::new(async move {
                            let addresses = quote.await.map(|q| q.addresses).unwrap_or_default();
                            (!addresses.is_empty())
                                .then(|| {
                                    let list = StoredValue::new(addresses.clone());
                                    view! {
                                        <label class="flex flex-col gap-1 text-sm font-medium">
                                            {i.t("checkout-saved-addresses")}
                                            <select
                                                class="rounded-md border border-slate-300 px-3 py-2"
                                                data-testid="saved-address"
                                                on:change=move |ev| {
                                                    let id = event_target_value(&ev);
                                                    if let Some(a) = list
                                                        .with_value(|l| l.iter().find(|a| a.id == id).cloned())
                                                    {
                                                        f.full_name.set(a.full_name);
                                                        f.line1.set(a.line1);
                                                        f.line2.set(a.line2);
                                                        f.city.set(a.city);
                                                        f.region.set(a.region);
                                                        f.postal_code.set(a.postal_code);
                                                        f.country.set(a.country);
                                                        f.phone.set(a.phone);
                                                    }
                                                }
                                            >
                                                <option value="">{i.t("checkout-new-address")}</option>
                                                {addresses
                                                    .into_iter()
                                                    .map(|a| {
                                                        view! {
                                                            <option value=a
                                                                .id
                                                                .clone()>
                                                                {format!("{}, {}, {}", a.full_name, a.line1, a.city)}
                                                            </option>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </select>
                                        </label>
                                    }
                                })
                        })}
                    </Transition>
                    {text(i.t("checkout-full-name"), "full_name", f.full_name, "name", true)}
                    {text(i.t("checkout-line1"), "line1", f.line1, "address-line1", true)}
                    {text(i.t("checkout-line2"), "line2", f.line2, "address-line2", false)}
                    {text(i.t("checkout-city"), "city", f.city, "address-level2", true)}
                    {region_field}
                    {text(
                        i.t("checkout-postcode"),
                        "postal_code",
                        f.postal_code,
                        "postal-code",
                        false,
                    )}
                    <label class="flex flex-col gap-1 text-sm font-medium">
                        {i.t("checkout-country")}
                        <select
                            name="country"
                            class="rounded-md border border-slate-300 px-3 py-2"
                            on:change=move |ev| f.country.set(event_target_value(&ev))
                        >
                            {model::countries::COUNTRIES
                                .iter()
                                .map(|c| {
                                    let code = c.code;
                                    view! {
                                        <option value=code selected=move || f.country.get() == code>
                                            {i.country(code)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </label>
                    {text(i.t("checkout-phone"), "phone", f.phone, "tel", false)}
                </fieldset>
                <Transition fallback=move || {
                    view! { <p>{i.t("checkout-loading")}</p> }
                }>
                    {move || Suspend::new(async move {
                        quote.await.ok().map(|q| view! { <ShippingChoices q f /> })
                    })}
                </Transition>
            </div>
            <Transition fallback=move || {
                view! { <p>{i.t("checkout-loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match quote.await {
                        Err(e) => {
                            view! {
                                <p role="alert" data-testid="checkout-error">
                                    {error_text(&e)}
                                    " "
                                    <a href=i.href("/cart") class="underline">
                                        {i.t("checkout-back-to-cart")}
                                    </a>
                                </p>
                            }
                                .into_any()
                        }
                        Ok(q) => view! { <Review q f promo_input place cards /> }.into_any(),
                    }
                })}
            </Transition>
        </form>
    }
}

#[component]
fn ShippingChoices(q: QuoteView, f: Form) -> impl IntoView {
    let i = use_i18n();
    view! {
        <fieldset class="flex flex-col gap-2" data-testid="shipping-methods">
            <legend class="mb-2 text-lg font-semibold">{i.t("checkout-shipping-method")}</legend>
            {q
                .shipping_options
                .iter()
                .map(|o| {
                    let code = o.code.clone();
                    let checked = Some(code.clone()) == q.shipping_method;
                    let c2 = code.clone();
                    view! {
                        <label class="flex items-center gap-2 text-sm">
                            <input
                                type="radio"
                                name="shipping_method"
                                value=code
                                checked=checked
                                on:change=move |_| f.method.set(c2.clone())
                            />
                            <span class="flex-1">
                                {o.name.clone()}
                                {o
                                    .free_from
                                    .as_ref()
                                    .map(|m| {
                                        view! {
                                            <span class="text-slate-500">
                                                " · "
                                                {i
                                                    .f(
                                                        "checkout-ships-free-from",
                                                        &[("amount", (&i.money(m)).into())],
                                                    )}
                                            </span>
                                        }
                                    })}
                            </span>
                            <span>{i.money(&o.price)}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[component]
fn Review(
    q: QuoteView,
    f: Form,
    promo_input: RwSignal<String>,
    place: ServerAction<PlaceOrder>,
    cards: Cards,
) -> impl IntoView {
    let balances_pay =
        !q.gift_cards.is_empty() || q.store_credit_applied.is_some_and(|m| m.minor > 0);
    let nothing_to_pay = q.to_pay.minor == 0;
    let i = use_i18n();
    let site = crate::components::site::use_site();
    view! {
        <aside
            class="flex flex-col gap-4 rounded-lg border border-slate-200 p-4"
            data-testid="review"
        >
            <h2 class="text-lg font-semibold">{i.t("checkout-your-order")}</h2>
            <ul class="flex flex-col gap-1 text-sm">
                {q
                    .lines
                    .iter()
                    .map(|l| {
                        view! {
                            <li class="flex justify-between gap-2">
                                <span>
                                    {format!(
                                        "{} × {} ({})",
                                        l.quantity,
                                        l.product_title,
                                        site.variant_title(&l.variant_title),
                                    )}
                                </span>
                                <span>{i.money(&l.line_total)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <div class="flex gap-2">
                <label class="sr-only" for="promo">
                    {i.t("checkout-promo-code")}
                </label>
                <input
                    id="promo"
                    placeholder=i.t("checkout-promo-code")
                    class="flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
                    data-testid="promo-input"
                    prop:value=move || promo_input.get()
                    on:input=move |ev| promo_input.set(event_target_value(&ev))
                />
                <button
                    type="button"
                    class="rounded-md border border-slate-300 px-3 py-1 text-sm"
                    data-testid="apply-promo"
                    on:click=move |_| f.promo.set(promo_input.get_untracked())
                >
                    {i.t("checkout-apply")}
                </button>
            </div>
            <GiftCards q=q.clone() f cards />
            {q
                .promo_said
                .as_ref()
                .map(|s| i.said(s))
                .or_else(|| q.promo_message.clone())
                .map(|m| {
                    view! {
                        <p class="text-sm" data-testid="promo-message">
                            {m}
                        </p>
                    }
                })}
            <dl class="grid grid-cols-2 gap-1 text-sm">
                <dt>{i.t("checkout-subtotal")}</dt>
                <dd class="text-right">{i.money(&q.subtotal)}</dd>
                {(q.discount.minor > 0)
                    .then(|| {
                        view! {
                            <dt>{i.t("checkout-discount")}</dt>
                            <dd class="text-right" data-testid="discount">
                                {format!("−{}", i.money(&q.discount))}
                            </dd>
                        }
                    })}
                <dt>{i.t("checkout-shipping")}</dt>
                <dd class="text-right">{i.money(&q.shipping)}</dd>
                <dt>
                    {if q.prices_include_tax {
                        i.t("checkout-tax-included")
                    } else {
                        i.t("checkout-tax")
                    }}
                </dt>
                <dd class="text-right">{i.money(&q.tax)}</dd>
                <dt class="font-semibold">{i.t("checkout-total")}</dt>
                <dd class="text-right font-semibold" data-testid="checkout-total">
                    {i.money(&q.total)}
                </dd>
                {q
                    .gift_cards
                    .iter()
                    .map(|c| {
                        view! {
                            <dt>
                                {i.f("checkout-gift-card", &[("last4", c.last4.as_str().into())])}
                            </dt>
                            <dd class="text-right" data-testid="gift-card-applied">
                                {format!("−{}", i.money(&c.applied))}
                            </dd>
                        }
                    })
                    .collect_view()}
                {q
                    .store_credit_applied
                    .filter(|m| m.minor > 0)
                    .map(|m| {
                        view! {
                            <dt>{i.t("checkout-store-credit")}</dt>
                            <dd class="text-right" data-testid="store-credit-applied">
                                {format!("−{}", i.money(&m))}
                            </dd>
                        }
                    })}
                {balances_pay
                    .then(|| {
                        view! {
                            <dt class="font-semibold">{i.t("checkout-to-pay-by-card")}</dt>
                            <dd class="text-right font-semibold" data-testid="to-pay">
                                {i.money(&q.to_pay)}
                            </dd>
                        }
                    })}
            </dl>
            <ActionError value=place.value() />
            <button
                type="submit"
                disabled=move || place.pending().get()
                class="rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white disabled:opacity-60"
                data-testid="place-order"
            >
                {move || {
                    if place.pending().get() {
                        i.t("checkout-placing-order")
                    } else if nothing_to_pay {
                        i.t("checkout-place-order")
                    } else {
                        i.t("checkout-place-order-and-pay")
                    }
                }}
            </button>
        </aside>
    }
}

/// The gift card field and the balances this checkout uses.
#[derive(Clone, Copy)]
struct Cards {
    apply: ServerAction<ApplyGiftCard>,
    remove: ServerAction<RemoveGiftCard>,
    input: RwSignal<String>,
}

#[component]
fn GiftCards(q: QuoteView, f: Form, cards: Cards) -> impl IntoView {
    let i = use_i18n();
    let apply = move || {
        cards.apply.dispatch(ApplyGiftCard {
            code: cards.input.get_untracked(),
        });
    };
    view! {
        <div class="flex flex-col gap-2" data-testid="gift-cards">
            <div class="flex gap-2">
                <label class="sr-only" for="gift-code">
                    {i.t("checkout-gift-card-code")}
                </label>
                <input
                    id="gift-code"
                    placeholder=i.t("checkout-gift-card-code")
                    autocomplete="off"
                    class="flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
                    data-testid="gift-code-input"
                    prop:value=move || cards.input.get()
                    on:input=move |ev| cards.input.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            apply();
                        }
                    }
                />
                <button
                    type="button"
                    class="rounded-md border border-slate-300 px-3 py-1 text-sm"
                    data-testid="apply-gift-card"
                    disabled=move || cards.apply.pending().get()
                    on:click=move |_| apply()
                >
                    {i.t("checkout-use-gift-card")}
                </button>
            </div>
            <ActionError value=cards.apply.value() />
            <ul class="flex flex-col gap-1 text-sm">
                {q
                    .gift_cards
                    .into_iter()
                    .map(|c| {
                        let id = c.id;
                        view! {
                            <li class="flex items-center justify-between gap-2">
                                <span>
                                    {i
                                        .f(
                                            "checkout-gift-card-left",
                                            &[
                                                ("last4", c.last4.as_str().into()),
                                                ("balance", (&i.money(&c.balance)).into()),
                                            ],
                                        )}
                                </span>
                                <button
                                    type="button"
                                    class="text-xs underline"
                                    data-testid="remove-gift-card"
                                    on:click=move |_| {
                                        cards.remove.dispatch(RemoveGiftCard { id });
                                    }
                                >
                                    {i.t("checkout-remove-gift-card")}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {q
                .store_credit
                .map(|credit| {
                    view! {
                        <label class="flex items-center gap-2 text-sm">
                            <input
                                type="checkbox"
                                data-testid="use-store-credit"
                                prop:checked=move || f.use_credit.get()
                                on:change=move |ev| f.use_credit.set(event_target_checked(&ev))
                            />
                            {i
                                .f(
                                    "checkout-use-store-credit",
                                    &[("amount", (&i.money(&credit)).into())],
                                )}
                        </label>
                    }
                })}
        </div>
    }
}
