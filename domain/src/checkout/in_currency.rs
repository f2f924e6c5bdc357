//! Shipping rates and promotions are set in the base currency; a checkout
//! in another converts them. Prices (a shipping fee, a fixed discount)
//! follow the currency's rounding rule like catalog prices; thresholds (free
//! shipping over, a code's minimum) become whole units, so a shopper reads
//! "free over €46", not "free over €45.62".
use crate::money::Currency;
use crate::pricing::{Promo, PromoKind, ShippingRule};
use crate::store::Currencies;
use model::fx::Rounding;

fn price(c: &Currencies, base: i64, to: Currency) -> i64 {
    c.price(base, None, to).map_or(base, |m| m.minor)
}

fn threshold(c: &Currencies, base: i64, to: Currency) -> i64 {
    if to == c.base {
        return base;
    }
    c.convert_exact(base, to)
        .map_or(base, |m| Rounding::Whole.apply(m, to))
}

pub(super) fn shipping(rule: &ShippingRule, c: &Currencies, to: Currency) -> ShippingRule {
    match *rule {
        ShippingRule::Flat { price: p } => ShippingRule::Flat {
            price: price(c, p, to),
        },
        ShippingRule::FreeOver {
            price: p,
            threshold: t,
        } => ShippingRule::FreeOver {
            price: price(c, p, to),
            threshold: threshold(c, t, to),
        },
        ShippingRule::Weight { base, per_kg } => ShippingRule::Weight {
            base: price(c, base, to),
            per_kg: price(c, per_kg, to),
        },
    }
}

pub(super) fn promo(p: &Promo, c: &Currencies, to: Currency) -> Promo {
    Promo {
        code: p.code.clone(),
        kind: match p.kind {
            PromoKind::FixedAmount { minor } => PromoKind::FixedAmount {
                minor: c.convert_exact(minor, to).unwrap_or(minor),
            },
            ref other => other.clone(),
        },
        min_subtotal: threshold(c, p.min_subtotal, to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::fx::{Presentment, Rate};

    fn shop() -> Currencies {
        Currencies {
            base: Currency::Usd,
            others: vec![Presentment {
                currency: Currency::Eur,
                rate: Rate::parse("0.9125").unwrap(),
                rounding: Rounding::NinetyNine,
            }],
        }
    }

    #[test]
    fn fees_round_like_prices_and_thresholds_to_whole_units() {
        let rule = ShippingRule::FreeOver {
            price: 500,
            threshold: 5000,
        };
        assert_eq!(
            shipping(&rule, &shop(), Currency::Eur),
            // $5.00 → €4.5625 → €4.56 exact → €4.99; $50 → €45.625 → €46.
            ShippingRule::FreeOver {
                price: 499,
                threshold: 4600
            }
        );
        assert_eq!(shipping(&rule, &shop(), Currency::Usd), rule);
    }

    #[test]
    fn fixed_discounts_convert_exactly() {
        let p = Promo {
            code: "TEN".into(),
            kind: PromoKind::FixedAmount { minor: 1000 },
            min_subtotal: 2000,
        };
        let eur = promo(&p, &shop(), Currency::Eur);
        assert_eq!(eur.kind, PromoKind::FixedAmount { minor: 913 });
        assert_eq!(eur.min_subtotal, 1800);
    }
}
