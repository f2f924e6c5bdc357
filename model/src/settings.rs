//! The staff settings page: the store profile, shipping methods and tax
//! rates as staff type them.
use serde::{Deserialize, Serialize};

/// The store profile form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileInput {
    pub name: String,
    /// ISO 4217 code, e.g. "EUR".
    pub currency: String,
    pub mail_from_name: String,
    pub mail_from_address: String,
    /// Order numbers read `<prefix>-7K3Q9X`.
    pub order_prefix: String,
    /// Only customers who bought and received a product may review it.
    /// A form without the field keeps the safe setting.
    #[serde(default = "yes")]
    pub reviews_require_purchase: bool,
    /// New reviews publish without waiting for staff (flagged ones wait).
    #[serde(default)]
    pub reviews_auto_publish: bool,
    /// Hours an abandoned cart waits for its one reminder mail, as typed;
    /// "0" or empty turns reminders off.
    #[serde(default)]
    pub cart_reminder_hours: String,
    /// Days after the last parcel a customer can ask for a return, as
    /// typed; "0": by arrangement only; empty: the default.
    #[serde(default)]
    pub return_window_days: String,
}

/// A new shop's return window.
pub const DEFAULT_RETURN_WINDOW_DAYS: i32 = 30;
/// The longest return window: a year.
pub const MAX_RETURN_WINDOW_DAYS: i32 = 365;

/// The longest wait a cart reminder can be set to: a week.
pub const MAX_CART_REMINDER_HOURS: i32 = 168;

fn yes() -> bool {
    true
}

/// A shipping method as typed: amounts in major units.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingMethodForm {
    pub code: String,
    pub name: String,
    /// flat | free_over | weight
    pub kind: String,
    pub price: String,
    /// free_over: orders from this subtotal ship free.
    pub threshold: String,
    /// weight: added per started kilogram.
    pub per_kg: String,
    pub active: bool,
    /// The same amounts set by hand in each other currency the shop sells
    /// in; an empty one converts from the base amount.
    #[serde(default)]
    pub in_currencies: Vec<ShippingAmountsForm>,
    /// Its name in each other language the shop speaks; an empty one shows
    /// the English name.
    #[serde(default)]
    pub names: Vec<NameInLocale>,
}

/// A name as written in one language other than English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameInLocale {
    /// The language's code, e.g. "de".
    pub locale: String,
    pub name: String,
}

/// A shipping method's amounts in one other currency, as typed in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingAmountsForm {
    /// ISO 4217 code, e.g. "EUR".
    pub currency: String,
    pub price: String,
    pub threshold: String,
    pub per_kg: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxRateView {
    pub id: i32,
    pub country: String,
    /// Empty for the whole country.
    pub region: String,
    /// "8.25"
    pub percent: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    pub store: ProfileInput,
    /// (code, "EUR (€)") of the currencies a store can use.
    pub currencies: Vec<(String, String)>,
    /// One row per currency other than the base: whether the shop sells in
    /// it, its rate and rounding (the rate empty when it does not).
    #[serde(default)]
    pub sold_in: Vec<(bool, crate::fx::PresentmentInput)>,
    pub prices_include_tax: bool,
    pub public_url: String,
    pub methods: Vec<ShippingMethodForm>,
    pub rates: Vec<TaxRateView>,
    /// (code, name) of the countries a tax rate can be for.
    pub countries: Vec<(String, String)>,
}
