//! Buying a gift card: an order of its own (no cart, no stock, nothing to
//! ship) for the amount the shopper chose, paid through the gateway like
//! any other; what was chosen waits in `gift_card_orders` until the order
//! is paid, when `gift_cards::purchase::fulfil` issues and mails the card.
use sea_orm::{ActiveModelTrait, Set};
use time::OffsetDateTime;

use super::{insert_order, open_orders, Checkout, PlacedOrder};
use crate::accounts::Email;
use crate::cart::CartOwner;
use crate::entities::{gift_card_order, order, order_item};
use crate::gift_cards::purchase::{self, PurchaseInput};
use crate::orders::OrderStatus;
use crate::payments::CheckoutLine;
use crate::{Currency, Error, Money, Result};
use model::Said;

/// What the order calls its delivery.
const BY_EMAIL: &str = "Email delivery";

impl Checkout {
    /// Places the order for a gift card and sends the buyer to pay.
    pub async fn buy_gift_card(
        &self,
        owner: &CartOwner,
        buyer_email: &str,
        input: &PurchaseInput,
        wanted: Currency,
    ) -> Result<PlacedOrder> {
        let buyer = Email::parse(&self.buyer_email(owner, buyer_email).await?)?;
        // In the shopper's currency: the card holds it, and pays for orders
        // in it.
        let currencies = self.c.currencies();
        let currency = currencies.served_in(Some(wanted));
        let fx_rate = currencies
            .minor_rate_e9(currency)
            .ok_or_else(|| Error::Clash(Said::new("error-checkout-currency-gone")))?;
        let now = OffsetDateTime::now_utc();
        let p = purchase::check(input, &buyer, currency, now.date())?;
        let user_id = match owner {
            CartOwner::User(id) => Some(*id),
            CartOwner::Guest(_) => None,
        };
        let txn = crate::db::begin_write(&self.c.db).await?;
        crate::db::lock_key(
            &txn,
            &format!("checkout:email:{}", buyer.as_str().to_lowercase()),
        )
        .await?;
        if open_orders::open_for_email(&txn, buyer.as_str(), 0).await?
            >= open_orders::MAX_OPEN_PER_EMAIL
        {
            return Err(open_orders::too_many_open());
        }
        let prefix = self.c.store().order_prefix.clone();
        let o = insert_order(&txn, &prefix, |number| order::ActiveModel {
            number: Set(number),
            public_id: Set(uuid::Uuid::new_v4().to_string()),
            user_id: Set(user_id),
            cart_id: Set(None),
            email: Set(buyer.as_str().to_owned()),
            status: Set(OrderStatus::PendingPayment.as_str().to_owned()),
            currency: Set(currency.code().to_owned()),
            fx_rate_e9: Set(fx_rate),
            subtotal_minor: Set(p.amount_minor),
            discount_minor: Set(0),
            shipping_minor: Set(0),
            // A gift card is money in another form: no tax until it is spent.
            tax_minor: Set(0),
            total_minor: Set(p.amount_minor),
            refunded_minor: Set(0),
            prices_include_tax: Set(self.c.settings.prices_include_tax),
            promotion_code: Set(None),
            shipping_method: Set(BY_EMAIL.to_owned()),
            shipping_address: Set("{}".to_owned()),
            checkout_key: Set(None),
            placed_at: Set(now),
            paid_at: Set(None),
            updated_at: Set(now),
            ..Default::default()
        })
        .await?;
        crate::store::ensure_currency(&txn, currencies.base).await?;
        let title = format!("For {} on {}", p.recipient.as_str(), p.deliver_on);
        order_item::ActiveModel {
            order_id: Set(o.id),
            variant_id: Set(None),
            sku: Set("GIFT-CARD".to_owned()),
            title: Set("Gift card".to_owned()),
            variant_title: Set(title.clone()),
            unit_price_minor: Set(p.amount_minor),
            quantity: Set(1),
            line_total_minor: Set(p.amount_minor),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        gift_card_order::ActiveModel {
            order_id: Set(o.id),
            amount_minor: Set(p.amount_minor),
            recipient_email: Set(p.recipient.as_str().to_owned()),
            recipient_name: Set(p.recipient_name),
            sender_name: Set(p.sender_name),
            message: Set(p.message),
            deliver_on: Set(p.deliver_on),
            gift_card_id: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        super::record_placed(&txn, o.id).await?;
        let lines = vec![CheckoutLine {
            name: format!(
                "{} gift card ({title})",
                Money::new(p.amount_minor, currency).format()
            ),
            unit_amount: p.amount_minor,
            quantity: 1,
        }];
        let expires = now + self.c.settings.reservation_ttl;
        let due = o.total_minor;
        self.start_payment(txn, o, lines, due, expires).await
    }
}
