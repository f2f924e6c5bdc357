//! What the cart, checkout and order services share: the database, shop
//! settings, the store profile, mail templates, the outbox and the payment gateway.
use std::sync::Arc;
use std::time::Duration;

use sea_orm::DatabaseConnection;

use crate::mail::Templates;
use crate::money::Currency;
use crate::outbox::OutboxSignal;
use crate::payments::PaymentGateway;
use crate::store::Current;
use crate::Result;

#[derive(Clone, Debug)]
pub struct CommerceSettings {
    /// Catalog prices include tax (shown as "incl. VAT") or tax is added.
    pub prices_include_tax: bool,
    /// How long stock is held for a checkout that has not been paid.
    pub reservation_ttl: Duration,
    pub public_url: String,
}

impl Default for CommerceSettings {
    fn default() -> Self {
        Self {
            prices_include_tax: false,
            reservation_ttl: Duration::from_secs(30 * 60),
            public_url: "http://127.0.0.1:3000".into(),
        }
    }
}

#[derive(Clone)]
pub struct Commerce {
    pub(crate) db: DatabaseConnection,
    pub(crate) settings: Arc<CommerceSettings>,
    pub(crate) templates: Arc<Templates>,
    pub(crate) store: Current,
    pub(crate) outbox: OutboxSignal,
    pub(crate) gateway: Arc<dyn PaymentGateway>,
    pub(crate) tally: Arc<crate::orders::Tally>,
    /// Signed-in customers' carts and wishlists held between changes
    /// (the server's; tests and the CLI read every time).
    pub(crate) held: Option<Arc<crate::accounts::held::HeldAccounts>>,
}

impl Commerce {
    pub fn new(
        db: DatabaseConnection,
        settings: CommerceSettings,
        store: Current,
        outbox: OutboxSignal,
        gateway: Arc<dyn PaymentGateway>,
    ) -> Result<Self> {
        let templates = Templates::new(store.clone(), &settings.public_url)?;
        Ok(Self {
            db,
            settings: Arc::new(settings),
            templates: Arc::new(templates),
            store,
            outbox,
            gateway,
            tally: Arc::default(),
            held: None,
        })
    }

    /// Carts and wishlists of signed-in customers are held in `held` and
    /// read again when the change feed says their account changed (which
    /// the server follows, calling [`crate::accounts::held::HeldAccounts::forget`]).
    pub fn holding(mut self, held: Arc<crate::accounts::held::HeldAccounts>) -> Self {
        self.held = Some(held);
        self
    }

    pub fn settings(&self) -> &CommerceSettings {
        &self.settings
    }

    /// The store's base currency now: prices are set in it, reports add
    /// up in it.
    pub fn currency(&self) -> Currency {
        self.store.get().currency
    }

    /// The base currency and the others the shop sells in.
    pub fn currencies(&self) -> Arc<crate::store::Currencies> {
        self.store.currencies()
    }

    /// The currency a shopper who asked for `wanted` is served in: it if
    /// the shop sells in it, else the base.
    pub fn shopper_currency(&self, wanted: Option<Currency>) -> Currency {
        self.currencies().served_in(wanted)
    }

    pub fn store(&self) -> std::sync::Arc<crate::store::Profile> {
        self.store.get()
    }

    /// Orders and revenue counted by this process, for `/metrics`.
    pub fn tally(&self) -> &crate::orders::Tally {
        &self.tally
    }

    pub fn gateway(&self) -> &dyn PaymentGateway {
        self.gateway.as_ref()
    }

    /// Carts priced in the base currency.
    pub fn carts(&self) -> crate::cart::Carts {
        self.carts_in(self.currency())
    }

    /// Carts priced in `currency` (the base when the shop does not sell in it).
    pub fn carts_in(&self, currency: Currency) -> crate::cart::Carts {
        crate::cart::Carts::new(self.db.clone(), self.currencies(), currency)
            .holding(self.held.clone())
    }

    pub fn cart_reminders(&self) -> crate::cart::reminders::CartReminders {
        crate::cart::reminders::CartReminders::new(self.clone())
    }

    pub fn wishlists(&self) -> crate::wishlist::Wishlists {
        crate::wishlist::Wishlists::new(self.db.clone(), self.store.clone(), self.templates.clone())
            .holding(self.held.clone())
    }
}
