//! Checkout: quote a cart (shipping options, promo, tax, totals — always
//! from current catalog prices), then place the order: re-price and compare
//! with the total the shopper reviewed, reserve stock, redeem the promo,
//! create the payment attempt — all in one transaction — and only then ask
//! the payment provider for its checkout page.
mod buyer;
mod gift_card_sale;
mod in_currency;
mod open_orders;
mod payment_start;
mod rules;

use model::Said;
use sea_orm::{ActiveModelTrait, Set};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::accounts::{addresses_validate, AddressInput, Email};
use crate::cart::{load_lines, CartLine, CartOwner, Carts};
use crate::commerce::Commerce;
use crate::entities::{order, order_item};
use crate::gift_cards::checkout as balances;
use crate::orders::{new_number, record, By, OrderStatus};
use crate::payments::CheckoutLine;
use crate::pricing::{self, PromoOutcome, Totals};
use crate::{inventory, promotions, Error, Money, Result};
use model::gift_cards::AppliedCard;

pub(crate) use open_orders::lock_cart;
pub use open_orders::MAX_OPEN_PER_EMAIL;
pub use rules::ShippingOption;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutInput {
    pub email: String,
    pub address: AddressInput,
    pub shipping_method: String,
    pub promo_code: String,
    /// The total the shopper saw on the review step, in minor units.
    pub expected_total: Option<i64>,
    /// The form's idempotency key (see `open_orders`); empty for none.
    pub checkout_key: String,
    /// Pay with the signed-in customer's store credit (gift cards entered
    /// for the cart are always used).
    pub use_store_credit: bool,
    /// The language the shopper checks out in; the order's mails speak it.
    #[serde(default)]
    pub locale: model::Locale,
    /// The currency the shopper shops in (the base when none, or one the
    /// shop does not sell in).
    #[serde(default)]
    pub currency: Option<crate::Currency>,
}

pub use model::commerce::QuoteView;

/// What the review step has chosen so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteChoices {
    pub country: String,
    pub region: String,
    pub shipping_method: String,
    pub promo_code: String,
    pub email: String,
    pub use_store_credit: bool,
    /// As [`CheckoutInput::currency`].
    pub currency: Option<crate::Currency>,
    /// The language the lines' titles are shown in.
    pub locale: model::Locale,
}

impl QuoteChoices {
    /// A US-style quote: country, region, method, code, email.
    pub fn new(country: &str, region: &str, method: &str, promo: &str, email: &str) -> Self {
        Self {
            country: country.into(),
            region: region.into(),
            shipping_method: method.into(),
            promo_code: promo.into(),
            email: email.into(),
            use_store_credit: false,
            currency: None,
            locale: model::Locale::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedOrder {
    pub id: i32,
    pub number: String,
    pub public_id: String,
    pub redirect_url: String,
}

#[derive(Clone)]
pub struct Checkout {
    c: Commerce,
}

struct Priced {
    /// What the shopper is charged in, and the shop's currencies then.
    currency: crate::Currency,
    currencies: std::sync::Arc<crate::store::Currencies>,
    lines: Vec<CartLine>,
    totals: Totals,
    promo: Option<(crate::entities::promotion::Model, String)>,
    promo_message: Option<Said>,
    method: Option<ShippingOption>,
    options: Vec<ShippingOption>,
    tax_bp: u32,
    held: balances::Held,
    plan: balances::Plan,
    use_credit: bool,
}

/// Who is paying and with what, beside the address.
struct Payer<'a> {
    user_id: Option<i32>,
    customer: Option<&'a str>,
    use_credit: bool,
    currency: Option<crate::Currency>,
    /// The lines are titled in it, and the order keeps those titles.
    locale: model::Locale,
}

/// Where a method that ships free over a subtotal starts to, in `currency`.
fn free_from(rule: &pricing::ShippingRule, currency: crate::Currency) -> Option<Money> {
    match rule {
        pricing::ShippingRule::FreeOver { threshold, .. } => Some(Money::new(*threshold, currency)),
        _ => None,
    }
}

impl Checkout {
    pub fn new(c: Commerce) -> Self {
        Self { c }
    }

    async fn price(
        &self,
        cart_id: i32,
        country: &str,
        region: &str,
        method_code: &str,
        promo_code: &str,
        payer: Payer<'_>,
    ) -> Result<Priced> {
        let customer = payer.customer;
        let currencies = self.c.currencies();
        let currency = self.c.shopper_currency(payer.currency);
        let lines = load_lines(&self.c.db, cart_id, &currencies, currency, payer.locale).await?;
        let (promo, promo_err) = if promo_code.trim().is_empty() {
            (None, None)
        } else {
            match promotions::find_usable(
                &self.c.db,
                promo_code,
                customer,
                OffsetDateTime::now_utc(),
            )
            .await
            {
                Ok((m, p)) => {
                    let set = if currency == currencies.base {
                        None
                    } else {
                        promotions::amounts_in(&self.c.db, m.id, currency).await?
                    };
                    let priced = in_currency::promo(&p, &currencies, currency, set.as_ref());
                    (Some((m, priced)), None)
                }
                Err(e @ Error::Validation { .. }) => (
                    None,
                    Some(e.said().unwrap_or_else(|| Said::new("error-promo-invalid"))),
                ),
                Err(e) => return Err(e),
            }
        };
        let pricing_lines: Vec<pricing::Line> = lines
            .iter()
            .map(|l| pricing::Line {
                unit_price: l.unit_price.minor,
                quantity: u32::try_from(l.quantity).unwrap_or(0),
                weight_grams: l.weight_grams,
            })
            .collect();
        let set = if currency == currencies.base {
            Default::default()
        } else {
            crate::shop_settings::amounts_in(&self.c.db, currency).await?
        };
        // Named in the shopper's language where staff wrote it; the order
        // keeps the name it was bought under.
        let mut names = crate::shop_settings::names_in(&self.c.db, payer.locale).await?;
        let methods: Vec<_> = rules::shipping_methods(&self.c.db)
            .await?
            .into_iter()
            .map(|(mut m, rule)| {
                let priced = in_currency::shipping(&rule, &currencies, currency, set.get(&m.id));
                if let Some(name) = names.remove(&m.id) {
                    m.name = name;
                }
                (m, priced)
            })
            .collect();
        let method = methods
            .iter()
            .find(|(m, _)| m.code == method_code)
            .or_else(|| methods.first())
            .cloned();
        let tax_bp = rules::tax_rate(&self.c.db, country, region).await?;
        let tax = pricing::TaxRule {
            rate_basis_points: tax_bp,
            prices_include_tax: self.c.settings.prices_include_tax,
        };
        let run = |rule: Option<&pricing::ShippingRule>| {
            pricing::price(&pricing::PricingInput {
                currency,
                lines: &pricing_lines,
                promo: promo.as_ref().map(|(_, p)| p),
                shipping: rule,
                tax,
            })
            .map_err(|e| Error::validation("cart", format!("This cart can't be priced: {e}.")))
        };
        let totals = run(method.as_ref().map(|(_, r)| r))?;
        let mut options = Vec::new();
        for (m, rule) in &methods {
            let t = run(Some(rule))?;
            options.push(ShippingOption {
                code: m.code.clone(),
                name: m.name.clone(),
                price: Money::new(t.shipping, currency),
                free_from: free_from(rule, currency),
            });
        }
        let promo_message = match (&totals.promo, promo_err) {
            (_, Some(err)) => Some(err),
            (PromoOutcome::Applied { code }, _) => {
                Some(Said::new("checkout-promo-applied").text("code", code))
            }
            (PromoOutcome::BelowMinimum { code, min_subtotal }, _) => Some(
                Said::new("checkout-promo-minimum")
                    .money("amount", Money::new(*min_subtotal, currency))
                    .text("code", code),
            ),
            (PromoOutcome::None, None) => None,
        };
        let applied = matches!(totals.promo, PromoOutcome::Applied { .. });
        let held = balances::held(&self.c.db, cart_id, payer.user_id, currency).await?;
        let plan = balances::plan(totals.total, &held, payer.use_credit);
        Ok(Priced {
            currency,
            currencies,
            held,
            plan,
            use_credit: payer.use_credit,
            lines,
            promo: promo.filter(|_| applied).map(|(m, p)| (m, p.code)),
            promo_message,
            method: method.map(|(m, rule)| ShippingOption {
                price: Money::new(totals.shipping, currency),
                free_from: free_from(&rule, currency),
                code: m.code,
                name: m.name,
            }),
            options,
            totals,
            tax_bp,
        })
    }

    fn quote_view(&self, p: Priced) -> QuoteView {
        let c = p.currency;
        QuoteView {
            shipping_method: p.method.as_ref().map(|m| m.code.clone()),
            promo_applied: p.promo.is_some(),
            lines: p.lines,
            shipping_options: p.options,
            subtotal: Money::new(p.totals.subtotal, c),
            discount: Money::new(p.totals.discount, c),
            shipping: Money::new(p.totals.shipping, c),
            tax: Money::new(p.totals.tax, c),
            total: Money::new(p.totals.total, c),
            prices_include_tax: self.c.settings.prices_include_tax,
            tax_rate_basis_points: p.tax_bp,
            promo_message: p.promo_message.as_ref().map(crate::error::english),
            promo_said: p.promo_message,
            checkout_key: uuid::Uuid::new_v4().to_string(),
            addresses: Vec::new(),
            email: None,
            gift_cards: p
                .held
                .cards
                .iter()
                .zip(&p.plan.cards)
                .map(|(card, (_, take))| AppliedCard {
                    id: card.id,
                    last4: card.last4.clone(),
                    balance: Money::new(card.balance_minor, c),
                    applied: Money::new(*take, c),
                })
                .collect(),
            store_credit: p.held.credit.map(|m| Money::new(m, c)),
            store_credit_applied: (p.use_credit && p.held.credit.is_some())
                .then(|| Money::new(p.plan.credit, c)),
            to_pay: Money::new(p.plan.due, c),
        }
    }

    /// Enters a gift card for this cart's checkout (the code is looked up
    /// here only; callers rate-limit it like a sign-in).
    /// `currency` is the one the shopper shops in: a card in another is refused.
    pub async fn apply_gift_card(
        &self,
        owner: &CartOwner,
        code: &str,
        currency: Option<crate::Currency>,
    ) -> Result<()> {
        let cart = Carts::find(&self.c.db, owner)
            .await?
            .ok_or_else(empty_cart)?;
        let currency = self.c.shopper_currency(currency);
        balances::attach(&self.c.db, cart.id, code, currency).await?;
        Ok(())
    }

    /// Takes a gift card off this cart's checkout.
    pub async fn remove_gift_card(&self, owner: &CartOwner, card_id: i32) -> Result<()> {
        if let Some(cart) = Carts::find(&self.c.db, owner).await? {
            balances::detach(&self.c.db, cart.id, card_id).await?;
        }
        Ok(())
    }

    /// Totals for the review step.
    pub async fn quote(&self, owner: &CartOwner, q: &QuoteChoices) -> Result<QuoteView> {
        let cart = Carts::find(&self.c.db, owner)
            .await?
            .ok_or_else(empty_cart)?;
        let email = self.buyer_email(owner, &q.email).await?;
        let customer = customer_for(owner, &email);
        let payer = Payer {
            user_id: owner_user(owner),
            customer: customer.as_deref(),
            use_credit: q.use_store_credit,
            currency: q.currency,
            locale: q.locale,
        };
        let priced = self
            .price(
                cart.id,
                &q.country,
                &q.region,
                &q.shipping_method,
                &q.promo_code,
                payer,
            )
            .await?;
        self.for_customer(owner, email, self.quote_view(priced))
            .await
    }

    /// Places the order and returns where to send the shopper to pay.
    pub async fn place_order(
        &self,
        owner: &CartOwner,
        input: &CheckoutInput,
    ) -> Result<PlacedOrder> {
        let email = Email::parse(&self.buyer_email(owner, &input.email).await?)?;
        let address = addresses_validate(&input.address)?;
        let key = open_orders::checkout_key(&input.checkout_key)?;
        let cart = Carts::find(&self.c.db, owner)
            .await?
            .ok_or_else(empty_cart)?;
        if let Some(k) = &key {
            if let Some(o) = open_orders::by_key(&self.c.db, k).await? {
                return self.placed_before(o, cart.id).await;
            }
        }
        let user_id = owner_user(owner);
        let customer = promotions::customer_key(user_id, email.as_str());
        let priced = self
            .price(
                cart.id,
                &address.country,
                &address.region,
                &input.shipping_method,
                &input.promo_code,
                Payer {
                    user_id,
                    customer: Some(&customer),
                    use_credit: input.use_store_credit,
                    currency: input.currency,
                    locale: input.locale,
                },
            )
            .await?;
        check_lines(&priced.lines)?;
        if !input.promo_code.trim().is_empty() && priced.promo.is_none() {
            return Err(Error::rule(
                "promo_code",
                priced
                    .promo_message
                    .unwrap_or_else(|| Said::new("error-promo-invalid")),
            ));
        }
        let method = priced.method.clone().ok_or_else(|| {
            Error::rule(
                "shipping_method",
                Said::new("error-checkout-shipping-method"),
            )
        })?;
        let currency = priced.currency;
        let fx_rate = priced
            .currencies
            .minor_rate_e9(currency)
            .ok_or_else(|| Error::Clash(Said::new("error-checkout-currency-gone")))?;
        if let Some(expected) = input.expected_total {
            if expected != priced.totals.total {
                return Err(Error::Clash(
                    Said::new("error-checkout-total-changed")
                        .money("before", Money::new(expected, currency))
                        .money("after", Money::new(priced.totals.total, currency)),
                ));
            }
        }

        let now = OffsetDateTime::now_utc();
        let expires = now + self.c.settings.reservation_ttl;
        let address_json = serde_json::json!({
            "full_name": address.full_name, "line1": address.line1, "line2": address.line2,
            "city": address.city, "region": address.region, "postal_code": address.postal_code,
            "country": address.country, "phone": address.phone,
        });
        let txn = crate::db::begin_write(&self.c.db).await?;
        open_orders::lock(&txn, cart.id, email.as_str()).await?;
        if let Some(k) = &key {
            if let Some(o) = open_orders::by_key(&txn, k).await? {
                txn.rollback().await?;
                return self.placed_before(o, cart.id).await;
            }
        }
        if let Some(open) = open_orders::open_for_cart(&txn, cart.id).await? {
            let address_text = address_json.to_string();
            let attempt = open_orders::Attempt {
                email: email.as_str(),
                address_json: &address_text,
                method: &method.name,
                promo: priced.promo.as_ref().map(|(_, code)| code.as_str()),
                total: priced.totals.total,
                lines: &priced.lines,
                balance_paid: priced.plan.paid_by_balances(),
            };
            if open_orders::same(&txn, &open, &attempt).await? {
                txn.rollback().await?;
                return self.placed_before(open, cart.id).await;
            }
            open_orders::replace(&txn, &open).await?;
        }
        if open_orders::open_for_email(&txn, email.as_str(), cart.id).await? >= MAX_OPEN_PER_EMAIL {
            return Err(open_orders::too_many_open());
        }
        let prefix = self.c.store().order_prefix.clone();
        let o = insert_order(&txn, &prefix, |number| order::ActiveModel {
            number: Set(number),
            public_id: Set(uuid::Uuid::new_v4().to_string()),
            user_id: Set(user_id),
            cart_id: Set(Some(cart.id)),
            email: Set(email.as_str().to_owned()),
            status: Set(OrderStatus::PendingPayment.as_str().to_owned()),
            currency: Set(currency.code().to_owned()),
            subtotal_minor: Set(priced.totals.subtotal),
            discount_minor: Set(priced.totals.discount),
            shipping_minor: Set(priced.totals.shipping),
            tax_minor: Set(priced.totals.tax),
            total_minor: Set(priced.totals.total),
            refunded_minor: Set(0),
            prices_include_tax: Set(self.c.settings.prices_include_tax),
            promotion_code: Set(priced.promo.as_ref().map(|(_, code)| code.clone())),
            shipping_method: Set(method.name.clone()),
            shipping_address: Set(address_json.to_string()),
            checkout_key: Set(key.clone()),
            locale: Set(input.locale.code().to_owned()),
            fx_rate_e9: Set(fx_rate),
            placed_at: Set(now),
            paid_at: Set(None),
            updated_at: Set(now),
            ..Default::default()
        })
        .await?;
        crate::store::ensure_currency(&txn, priced.currencies.base).await?;
        for l in &priced.lines {
            order_item::ActiveModel {
                order_id: Set(o.id),
                variant_id: Set(Some(l.variant_id)),
                sku: Set(l.sku.clone()),
                title: Set(l.product_title.clone()),
                variant_title: Set(l.variant_title.clone()),
                unit_price_minor: Set(l.unit_price.minor),
                quantity: Set(l.quantity as i32),
                line_total_minor: Set(l.line_total.minor),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            let label = format!("{} ({})", l.product_title, l.variant_title);
            inventory::reserve(&txn, o.id, l.variant_id, l.quantity as i32, expires, &label)
                .await?;
        }
        if let Some((promo, _)) = &priced.promo {
            promotions::redeem(&txn, promo, o.id, &customer, now).await?;
        }
        record_placed(&txn, o.id).await?;
        let balance_paid = balances::spend_for_order(
            &txn,
            cart.id,
            user_id,
            input.use_store_credit,
            currency,
            o.total_minor,
            o.id,
        )
        .await?;
        let due = o.total_minor - balance_paid;
        let o = if balance_paid > 0 {
            order::ActiveModel {
                id: Set(o.id),
                balance_paid_minor: Set(balance_paid),
                ..Default::default()
            }
            .update(&txn)
            .await?
        } else {
            o
        };
        if due == 0 {
            return self.paid_by_balances(txn, o).await;
        }
        let lines = provider_lines(&o, &priced.lines);
        self.start_payment(txn, o, lines, due, expires).await
    }
}

impl Checkout {
    async fn placed_before(&self, o: order::Model, cart_id: i32) -> Result<PlacedOrder> {
        let confirmation = self
            .c
            .templates
            .link(&format!("/checkout/complete/{}", o.public_id));
        open_orders::placed(&self.c.db, o, cart_id, confirmation).await
    }
}

fn empty_cart() -> Error {
    Error::rule("cart", Said::new("error-checkout-cart-empty"))
}

/// The first line of every order's timeline.
async fn record_placed<C: sea_orm::ConnectionTrait>(conn: &C, order_id: i32) -> Result<()> {
    record(
        conn,
        order_id,
        None,
        OrderStatus::PendingPayment,
        By::Customer,
        "Order placed",
    )
    .await
}

fn owner_user(owner: &CartOwner) -> Option<i32> {
    match owner {
        CartOwner::User(id) => Some(*id),
        CartOwner::Guest(_) => None,
    }
}

fn customer_for(owner: &CartOwner, email: &str) -> Option<String> {
    match owner {
        CartOwner::User(id) => Some(promotions::customer_key(Some(*id), email)),
        CartOwner::Guest(_) if !email.trim().is_empty() => {
            Some(promotions::customer_key(None, email))
        }
        CartOwner::Guest(_) => None,
    }
}

/// Every line must still be sold and in stock in the quantity asked for.
fn check_lines(lines: &[CartLine]) -> Result<()> {
    if lines.is_empty() {
        return Err(empty_cart());
    }
    for l in lines {
        if l.unavailable {
            return Err(Error::Clash(
                Said::new("error-checkout-not-sold").text("product", &l.product_title),
            ));
        }
        if l.quantity > l.max_quantity {
            let said = if l.max_quantity == 0 {
                Said::new("error-checkout-sold-out")
            } else {
                Said::new("error-checkout-only-left").number("count", l.max_quantity)
            };
            return Err(Error::Clash(
                said.text("product", &l.product_title)
                    .variant("variant", &l.variant_title),
            ));
        }
    }
    Ok(())
}

async fn insert_order<C, F>(conn: &C, prefix: &str, make: F) -> Result<order::Model>
where
    C: sea_orm::ConnectionTrait,
    F: Fn(String) -> order::ActiveModel,
{
    for _ in 0..5 {
        match make(new_number(prefix)).insert(conn).await {
            Ok(o) => return Ok(o),
            Err(e)
                if matches!(
                    e.sql_err(),
                    Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                ) =>
            {
                continue
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(Error::internal("could not allocate an order number"))
}

/// Line items for the provider. Itemised when no discount applies and no
/// balance paid part; otherwise a single line carries the exact amount due
/// (providers take no negative lines, and spreading a discount over units
/// would round).
fn provider_lines(o: &order::Model, lines: &[CartLine]) -> Vec<CheckoutLine> {
    if o.discount_minor > 0 || o.balance_paid_minor > 0 {
        let count: i64 = lines.iter().map(|l| l.quantity).sum();
        let mut less = Vec::new();
        if let Some(code) = &o.promotion_code {
            less.push(format!("code {code}"));
        }
        if o.balance_paid_minor > 0 {
            let paid = Money::new(o.balance_paid_minor, crate::orders::order_currency(o));
            less.push(format!(
                "{} paid by gift card or store credit",
                paid.format()
            ));
        }
        return vec![CheckoutLine {
            name: format!("Order {} ({count} items, {})", o.number, less.join(", ")),
            unit_amount: o.total_minor - o.balance_paid_minor,
            quantity: 1,
        }];
    }
    let mut out: Vec<CheckoutLine> = lines
        .iter()
        .map(|l| CheckoutLine {
            name: format!("{} — {}", l.product_title, l.variant_title),
            unit_amount: l.unit_price.minor,
            quantity: l.quantity as u64,
        })
        .collect();
    if o.shipping_minor > 0 {
        out.push(CheckoutLine {
            name: format!("Shipping: {}", o.shipping_method),
            unit_amount: o.shipping_minor,
            quantity: 1,
        });
    }
    if o.tax_minor > 0 && !o.prices_include_tax {
        out.push(CheckoutLine {
            name: "Tax".into(),
            unit_amount: o.tax_minor,
            quantity: 1,
        });
    }
    out
}
