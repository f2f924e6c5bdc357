//! The staff settings page as staff see and type it: amounts in major
//! units of the store currency and percentages, read here into the inputs
//! of [`ShopSettings`] with every wrong field named.
pub use model::settings::{ProfileInput, SettingsView, ShippingMethodForm, TaxRateView};

use crate::accounts::{Actor, Permission};
use crate::commerce::CommerceSettings;
use crate::money::{percent_string, Currency, Money};
use crate::shop_settings::{ShippingMethodInput, ShopSettings, TaxRateInput};
use crate::store::Store;
use crate::{Error, Result};

/// The currencies form's rows: every currency but the base, the ones sold
/// in with their rate and rounding.
fn sold_in(c: &crate::store::Currencies) -> Vec<(bool, crate::store::PresentmentInput)> {
    Currency::ALL
        .iter()
        .filter(|code| **code != c.base)
        .map(|code| {
            let sold = c.others.iter().find(|p| p.currency == *code);
            (
                sold.is_some(),
                crate::store::PresentmentInput {
                    currency: code.code().to_owned(),
                    rate: sold.map(|p| p.rate.to_string()).unwrap_or_default(),
                    rounding: sold
                        .map_or(model::fx::Rounding::Exact, |p| p.rounding)
                        .as_str()
                        .to_owned(),
                },
            )
        })
        .collect()
}

impl ShopSettings {
    /// Everything the settings page shows (permission `settings`).
    pub async fn page(
        &self,
        actor: &Actor,
        store: &Store,
        commerce: &CommerceSettings,
    ) -> Result<SettingsView> {
        let profile = store.profile(actor)?;
        let currencies = store.currencies(actor)?;
        let money = |m: i64| Money::new(m, profile.currency).decimal_string();
        let methods = self
            .shipping_methods(actor)
            .await?
            .into_iter()
            .map(|m| ShippingMethodForm {
                in_currencies: crate::shop_settings::write_amounts(&currencies, &m.in_currencies),
                names: crate::shop_settings::write_names(&m.names),
                price: money(m.price_minor),
                threshold: m.threshold_minor.map(money).unwrap_or_default(),
                per_kg: m.per_kg_minor.map(money).unwrap_or_default(),
                code: m.code,
                name: m.name,
                kind: m.kind,
                active: m.active,
            })
            .collect();
        let rates = self
            .tax_rates(actor)
            .await?
            .into_iter()
            .map(|t| TaxRateView {
                id: t.id,
                percent: percent_string(i64::from(t.rate.rate_basis_points)),
                country: t.rate.country,
                region: t.rate.region,
                name: t.rate.name,
            })
            .collect();
        Ok(SettingsView {
            store: profile.to_input(),
            currencies: Currency::ALL
                .iter()
                .map(|c| {
                    (
                        c.code().to_owned(),
                        format!("{} ({})", c.code(), c.symbol()),
                    )
                })
                .collect(),
            sold_in: sold_in(currencies.as_ref()),
            prices_include_tax: commerce.prices_include_tax,
            public_url: commerce.public_url.clone(),
            methods,
            rates,
            countries: crate::accounts::countries(),
        })
    }

    /// Saves a shipping method as typed over `original` (empty: a new one).
    pub async fn save_shipping_form(
        &self,
        actor: &Actor,
        original: &str,
        form: ShippingMethodForm,
        currency: Currency,
    ) -> Result<()> {
        actor.require(Permission::Settings)?;
        let mut issues = crate::error::Issues::default();
        let amount = |s: &str, field| crate::typed::amount(s, currency, field);
        let input = ShippingMethodInput {
            price_minor: issues.take(amount(&form.price, "price"))?.unwrap_or(0),
            threshold_minor: issues.take(amount(&form.threshold, "threshold"))?,
            per_kg_minor: issues.take(amount(&form.per_kg, "per_kg"))?,
            in_currencies: crate::shop_settings::read_amounts(
                &form.in_currencies,
                currency,
                &mut issues,
            )?,
            names: crate::shop_settings::read_names(&form.names, &mut issues)?,
            code: form.code,
            name: form.name,
            kind: form.kind,
            active: form.active,
        };
        issues.finish()?;
        let original = (!original.is_empty()).then_some(original);
        self.save_shipping_method(actor, original, input).await
    }

    /// Saves a tax rate with `percent` as typed ("8.25"); a rate for the
    /// same country and region is replaced.
    pub async fn save_tax_form(
        &self,
        actor: &Actor,
        country: String,
        region: String,
        percent: &str,
        name: String,
    ) -> Result<()> {
        actor.require(Permission::Settings)?;
        let rate_basis_points = model::money::parse_percent(percent)
            .and_then(|v| i32::try_from(v).ok())
            .ok_or_else(|| Error::validation("percent", "Enter a rate like 8.25."))?;
        self.save_tax_rate(
            actor,
            TaxRateInput {
                country,
                region,
                rate_basis_points,
                name,
            },
        )
        .await
    }
}
