//! Prices, in one pure module: subtotal, promo code, shipping, tax and the
//! total, in integer minor units. Nothing here reads the database or the
//! clock; callers pass what applies (an eligible promo, the shipping rule,
//! the tax rate) and get every figure back. Rounding happens only in
//! [`share`].
//!
//! Order of operations (what a receipt shows):
//! 1. subtotal = Σ unit price × quantity
//! 2. discount from the promo (percentage or fixed, never more than the subtotal)
//! 3. merchandise = subtotal − discount
//! 4. shipping from the rule, on the merchandise (free-over thresholds compare
//!    against it); a free-shipping promo waives it
//! 5. tax on merchandise + shipping: added on top when prices exclude tax,
//!    the part already inside the price when they include it
//! 6. total = merchandise + shipping (+ tax when exclusive)

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::money::Currency;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub unit_price: i64,
    pub quantity: u32,
    pub weight_grams: i32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PromoKind {
    /// Basis points off the subtotal (1,000 = 10 %).
    Percentage {
        basis_points: u32,
    },
    /// A fixed amount off, at most the subtotal.
    FixedAmount {
        minor: i64,
    },
    FreeShipping,
}

/// A code the promotions service found valid now for this customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promo {
    pub code: String,
    pub kind: PromoKind,
    /// The subtotal must reach this for the code to apply.
    pub min_subtotal: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShippingRule {
    Flat {
        price: i64,
    },
    /// Flat price, free once the merchandise total reaches `threshold`.
    FreeOver {
        price: i64,
        threshold: i64,
    },
    /// `base` plus `per_kg` for each started kilogram.
    Weight {
        base: i64,
        per_kg: i64,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxRule {
    pub rate_basis_points: u32,
    /// Catalog prices already contain tax (EU style) or not (US style).
    pub prices_include_tax: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PricingInput<'a> {
    pub currency: Currency,
    pub lines: &'a [Line],
    pub promo: Option<&'a Promo>,
    pub shipping: Option<&'a ShippingRule>,
    pub tax: TaxRule,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PromoOutcome {
    None,
    Applied {
        code: String,
    },
    /// The code exists but this basket does not qualify.
    BelowMinimum {
        code: String,
        min_subtotal: i64,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub currency: Currency,
    pub subtotal: i64,
    pub discount: i64,
    pub shipping: i64,
    pub tax: i64,
    pub total: i64,
    pub promo: PromoOutcome,
    pub weight_grams: i64,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PricingError {
    #[error("amount out of range")]
    Overflow,
    #[error("negative price or quantity")]
    Negative,
}

/// [`model::money::share`], the one rounding rule for money, as a pricing
/// result.
pub fn share(amount: i64, numerator: i64, denominator: i64) -> Result<i64, PricingError> {
    model::money::share(amount, numerator, denominator).ok_or(PricingError::Overflow)
}

fn add(a: i64, b: i64) -> Result<i64, PricingError> {
    a.checked_add(b).ok_or(PricingError::Overflow)
}

pub fn price(input: &PricingInput<'_>) -> Result<Totals, PricingError> {
    let mut subtotal = 0i64;
    let mut weight = 0i64;
    for line in input.lines {
        if line.unit_price < 0 || line.weight_grams < 0 {
            return Err(PricingError::Negative);
        }
        let amount = line
            .unit_price
            .checked_mul(i64::from(line.quantity))
            .ok_or(PricingError::Overflow)?;
        subtotal = add(subtotal, amount)?;
        weight = add(
            weight,
            i64::from(line.weight_grams) * i64::from(line.quantity),
        )?;
    }

    let (discount, free_shipping, promo) = match input.promo {
        None => (0, false, PromoOutcome::None),
        Some(p) if subtotal < p.min_subtotal => (
            0,
            false,
            PromoOutcome::BelowMinimum {
                code: p.code.clone(),
                min_subtotal: p.min_subtotal,
            },
        ),
        Some(p) => {
            let applied = PromoOutcome::Applied {
                code: p.code.clone(),
            };
            match p.kind {
                PromoKind::Percentage { basis_points } => {
                    let off = share(subtotal, i64::from(basis_points.min(10_000)), 10_000)?;
                    (off, false, applied)
                }
                PromoKind::FixedAmount { minor } => (minor.clamp(0, subtotal), false, applied),
                PromoKind::FreeShipping => (0, true, applied),
            }
        }
    };
    let merchandise = subtotal - discount;

    let shipping = match (input.shipping, free_shipping) {
        (None, _) | (_, true) => 0,
        (Some(ShippingRule::Flat { price }), _) => *price,
        (Some(ShippingRule::FreeOver { price, threshold }), _) => {
            if merchandise >= *threshold {
                0
            } else {
                *price
            }
        }
        (Some(ShippingRule::Weight { base, per_kg }), _) => {
            let kilos = (weight + 999) / 1000;
            add(
                *base,
                per_kg.checked_mul(kilos).ok_or(PricingError::Overflow)?,
            )?
        }
    };
    if shipping < 0 {
        return Err(PricingError::Negative);
    }

    let taxable = add(merchandise, shipping)?;
    let rate = i64::from(input.tax.rate_basis_points);
    let (tax, total) = if input.tax.prices_include_tax {
        (share(taxable, rate, 10_000 + rate)?, taxable)
    } else {
        let tax = share(taxable, rate, 10_000)?;
        (tax, add(taxable, tax)?)
    };
    Ok(Totals {
        currency: input.currency,
        subtotal,
        discount,
        shipping,
        tax,
        total,
        promo,
        weight_grams: weight,
    })
}
