//! Shipping rates and promotions are set in the base currency; a checkout
//! in another uses the amounts staff set by hand in it (`crate::amounts_in`)
//! and converts the rest. Converted prices (a shipping fee, a fixed
//! discount) follow the currency's rounding rule like catalog prices;
//! converted thresholds (free shipping over, a code's minimum) become whole
//! units, so a shopper reads "free over €46", not "free over €45.62".
use crate::money::Currency;
use crate::pricing::{Promo, PromoKind, ShippingRule};
use crate::promotions::PromotionAmounts;
use crate::shop_settings::ShippingAmounts;
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

/// `rule` in `to`: each amount `set` holds, the others converted.
pub(super) fn shipping(
    rule: &ShippingRule,
    c: &Currencies,
    to: Currency,
    set: Option<&ShippingAmounts>,
) -> ShippingRule {
    let set = set.filter(|s| s.currency == to && to != c.base);
    let fee = |base| {
        set.and_then(|s| s.price_minor)
            .unwrap_or_else(|| price(c, base, to))
    };
    match *rule {
        ShippingRule::Flat { price: p } => ShippingRule::Flat { price: fee(p) },
        ShippingRule::FreeOver {
            price: p,
            threshold: t,
        } => ShippingRule::FreeOver {
            price: fee(p),
            threshold: set
                .and_then(|s| s.threshold_minor)
                .unwrap_or_else(|| threshold(c, t, to)),
        },
        ShippingRule::Weight { base, per_kg } => ShippingRule::Weight {
            base: fee(base),
            per_kg: set
                .and_then(|s| s.per_kg_minor)
                .unwrap_or_else(|| price(c, per_kg, to)),
        },
    }
}

/// `p` in `to`: each amount `set` holds, the others converted.
pub(super) fn promo(
    p: &Promo,
    c: &Currencies,
    to: Currency,
    set: Option<&PromotionAmounts>,
) -> Promo {
    let set = set.filter(|s| s.currency == to && to != c.base);
    Promo {
        code: p.code.clone(),
        kind: match p.kind {
            PromoKind::FixedAmount { minor } => PromoKind::FixedAmount {
                minor: set
                    .and_then(|s| s.value_minor)
                    .unwrap_or_else(|| c.convert_exact(minor, to).unwrap_or(minor)),
            },
            ref other => other.clone(),
        },
        min_subtotal: set
            .and_then(|s| s.min_subtotal_minor)
            .unwrap_or_else(|| threshold(c, p.min_subtotal, to)),
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
            shipping(&rule, &shop(), Currency::Eur, None),
            // $5.00 → €4.5625 → €4.56 exact → €4.99; $50 → €45.625 → €46.
            ShippingRule::FreeOver {
                price: 499,
                threshold: 4600
            }
        );
        assert_eq!(shipping(&rule, &shop(), Currency::Usd, None), rule);
    }

    #[test]
    fn fixed_discounts_convert_exactly() {
        let p = Promo {
            code: "TEN".into(),
            kind: PromoKind::FixedAmount { minor: 1000 },
            min_subtotal: 2000,
        };
        let eur = promo(&p, &shop(), Currency::Eur, None);
        assert_eq!(eur.kind, PromoKind::FixedAmount { minor: 913 });
        assert_eq!(eur.min_subtotal, 1800);
    }

    #[test]
    fn amounts_set_by_hand_win_and_the_rest_convert() {
        let rule = ShippingRule::FreeOver {
            price: 500,
            threshold: 5000,
        };
        let set = ShippingAmounts {
            currency: Currency::Eur,
            price_minor: None,
            threshold_minor: Some(4000),
            per_kg_minor: None,
        };
        assert_eq!(
            shipping(&rule, &shop(), Currency::Eur, Some(&set)),
            ShippingRule::FreeOver {
                price: 499,
                threshold: 4000
            }
        );
        let weight = ShippingRule::Weight {
            base: 300,
            per_kg: 150,
        };
        let per_kg = ShippingAmounts {
            price_minor: Some(250),
            per_kg_minor: Some(100),
            ..set.clone()
        };
        assert_eq!(
            shipping(&weight, &shop(), Currency::Eur, Some(&per_kg)),
            ShippingRule::Weight {
                base: 250,
                per_kg: 100
            }
        );
        // Another currency's amounts are never used.
        assert_eq!(shipping(&rule, &shop(), Currency::Usd, Some(&set)), rule);
        let p = Promo {
            code: "TEN".into(),
            kind: PromoKind::FixedAmount { minor: 1000 },
            min_subtotal: 5000,
        };
        let eur = PromotionAmounts {
            currency: Currency::Eur,
            value_minor: Some(1000),
            min_subtotal_minor: None,
        };
        let priced = promo(&p, &shop(), Currency::Eur, Some(&eur));
        assert_eq!(priced.kind, PromoKind::FixedAmount { minor: 1000 });
        assert_eq!(priced.min_subtotal, 4600, "converted: $50 → €46");
    }
}
