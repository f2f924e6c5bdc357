use super::*;

const EXCL: TaxRule = TaxRule {
    rate_basis_points: 0,
    prices_include_tax: false,
};

fn line(unit_price: i64, quantity: u32) -> Line {
    Line {
        unit_price,
        quantity,
        weight_grams: 500,
    }
}

fn run(
    lines: &[Line],
    promo: Option<&Promo>,
    shipping: Option<&ShippingRule>,
    tax: TaxRule,
) -> Totals {
    price(&PricingInput {
        currency: Currency::Usd,
        lines,
        promo,
        shipping,
        tax,
    })
    .expect("prices")
}

fn promo(kind: PromoKind, min_subtotal: i64) -> Promo {
    Promo {
        code: "SAVE".into(),
        kind,
        min_subtotal,
    }
}

#[test]
fn subtotal_sums_lines() {
    let t = run(&[line(1999, 2), line(500, 1)], None, None, EXCL);
    assert_eq!(
        (t.subtotal, t.discount, t.shipping, t.tax, t.total),
        (4498, 0, 0, 0, 4498)
    );
    assert_eq!(t.weight_grams, 1500);
    assert_eq!(t.promo, PromoOutcome::None);
}

#[test]
fn empty_basket_is_zero() {
    let t = run(&[], None, Some(&ShippingRule::Flat { price: 500 }), EXCL);
    assert_eq!((t.subtotal, t.total), (0, 500));
}

#[test]
fn percentage_promo_rounds_half_up() {
    // 15 % of 3333 = 499.95 → 500.
    let p = promo(PromoKind::Percentage { basis_points: 1500 }, 0);
    let t = run(&[line(3333, 1)], Some(&p), None, EXCL);
    assert_eq!((t.discount, t.total), (500, 2833));
    assert_eq!(
        t.promo,
        PromoOutcome::Applied {
            code: "SAVE".into()
        }
    );
    // 10 % of 1005 = 100.5 → 101 (half away from zero).
    let p = promo(PromoKind::Percentage { basis_points: 1000 }, 0);
    assert_eq!(run(&[line(1005, 1)], Some(&p), None, EXCL).discount, 101);
}

#[test]
fn percentage_over_100_is_capped() {
    let p = promo(
        PromoKind::Percentage {
            basis_points: 25_000,
        },
        0,
    );
    let t = run(&[line(1000, 1)], Some(&p), None, EXCL);
    assert_eq!((t.discount, t.total), (1000, 0));
}

#[test]
fn fixed_promo_never_exceeds_subtotal() {
    let p = promo(PromoKind::FixedAmount { minor: 1500 }, 0);
    assert_eq!(run(&[line(4000, 1)], Some(&p), None, EXCL).total, 2500);
    let t = run(&[line(1000, 1)], Some(&p), None, EXCL);
    assert_eq!((t.discount, t.total), (1000, 0));
}

#[test]
fn promo_minimum_subtotal() {
    let p = promo(PromoKind::FixedAmount { minor: 500 }, 5000);
    let below = run(&[line(4999, 1)], Some(&p), None, EXCL);
    assert_eq!(below.discount, 0);
    assert_eq!(
        below.promo,
        PromoOutcome::BelowMinimum {
            code: "SAVE".into(),
            min_subtotal: 5000
        }
    );
    let at = run(&[line(5000, 1)], Some(&p), None, EXCL);
    assert_eq!(at.discount, 500);
}

#[test]
fn flat_shipping() {
    let t = run(
        &[line(1000, 1)],
        None,
        Some(&ShippingRule::Flat { price: 495 }),
        EXCL,
    );
    assert_eq!((t.shipping, t.total), (495, 1495));
}

#[test]
fn free_over_threshold_uses_the_discounted_total() {
    let rule = ShippingRule::FreeOver {
        price: 500,
        threshold: 5000,
    };
    assert_eq!(run(&[line(5000, 1)], None, Some(&rule), EXCL).shipping, 0);
    assert_eq!(run(&[line(4999, 1)], None, Some(&rule), EXCL).shipping, 500);
    // A discount that drops the basket under the threshold brings shipping back.
    let p = promo(PromoKind::FixedAmount { minor: 100 }, 0);
    let t = run(&[line(5000, 1)], Some(&p), Some(&rule), EXCL);
    assert_eq!((t.discount, t.shipping, t.total), (100, 500, 5400));
}

#[test]
fn weight_shipping_counts_started_kilos() {
    let rule = ShippingRule::Weight {
        base: 300,
        per_kg: 200,
    };
    // 3 × 500 g = 1.5 kg → 2 kg.
    let t = run(&[line(1000, 3)], None, Some(&rule), EXCL);
    assert_eq!(t.shipping, 700);
    let light = [Line {
        unit_price: 1000,
        quantity: 1,
        weight_grams: 0,
    }];
    assert_eq!(run(&light, None, Some(&rule), EXCL).shipping, 300);
    let exact = [Line {
        unit_price: 1000,
        quantity: 2,
        weight_grams: 1000,
    }];
    assert_eq!(run(&exact, None, Some(&rule), EXCL).shipping, 700);
}

#[test]
fn free_shipping_promo_waives_every_rule() {
    let p = promo(PromoKind::FreeShipping, 0);
    for rule in [
        ShippingRule::Flat { price: 500 },
        ShippingRule::FreeOver {
            price: 500,
            threshold: 100_000,
        },
        ShippingRule::Weight {
            base: 300,
            per_kg: 200,
        },
    ] {
        let t = run(&[line(1000, 1)], Some(&p), Some(&rule), EXCL);
        assert_eq!((t.discount, t.shipping, t.total), (0, 0, 1000), "{rule:?}");
    }
    // Below its minimum it does nothing.
    let p = promo(PromoKind::FreeShipping, 2000);
    let t = run(
        &[line(1000, 1)],
        Some(&p),
        Some(&ShippingRule::Flat { price: 500 }),
        EXCL,
    );
    assert_eq!(t.shipping, 500);
}

#[test]
fn tax_exclusive_adds_tax_on_goods_and_shipping() {
    let tax = TaxRule {
        rate_basis_points: 825,
        prices_include_tax: false,
    };
    // (1999 + 500) × 8.25 % = 206.1675 → 206.
    let t = run(
        &[line(1999, 1)],
        None,
        Some(&ShippingRule::Flat { price: 500 }),
        tax,
    );
    assert_eq!((t.tax, t.total), (206, 2705));
}

#[test]
fn tax_inclusive_extracts_the_tax_part() {
    let tax = TaxRule {
        rate_basis_points: 2000,
        prices_include_tax: true,
    };
    // 1200 gross at 20 %: tax = 1200 × 20/120 = 200; the total is the gross.
    let t = run(&[line(1200, 1)], None, None, tax);
    assert_eq!((t.tax, t.total), (200, 1200));
    // 999 × 20/120 = 166.5 → 167.
    assert_eq!(run(&[line(999, 1)], None, None, tax).tax, 167);
}

#[test]
fn promo_tax_inclusive_threshold_and_rounding_together() {
    // 3 × 19.99 = 59.97; 15 % off = 8.9955 → 9.00; merchandise 50.97 ≥ 50 → free
    // shipping; 20 % VAT inside: 50.97 × 20/120 = 8.495 → 8.50; total 50.97.
    let p = promo(PromoKind::Percentage { basis_points: 1500 }, 2000);
    let rule = ShippingRule::FreeOver {
        price: 495,
        threshold: 5000,
    };
    let tax = TaxRule {
        rate_basis_points: 2000,
        prices_include_tax: true,
    };
    let t = run(&[line(1999, 3)], Some(&p), Some(&rule), tax);
    assert_eq!(
        (t.subtotal, t.discount, t.shipping, t.tax, t.total),
        (5997, 900, 0, 850, 5097)
    );
    // The same basket tax-exclusive: tax is added on top.
    let tax = TaxRule {
        rate_basis_points: 2000,
        prices_include_tax: false,
    };
    let t = run(&[line(1999, 3)], Some(&p), Some(&rule), tax);
    assert_eq!((t.tax, t.total), (1019, 6116));
    // One unit fewer drops under both thresholds: no promo, paid shipping.
    let t = run(&[line(1999, 1)], Some(&p), Some(&rule), tax);
    assert!(matches!(t.promo, PromoOutcome::BelowMinimum { .. }));
    assert_eq!(
        (t.discount, t.shipping, t.tax, t.total),
        (0, 495, 499, 2993)
    );
}

#[test]
fn fixed_promo_weight_shipping_and_exclusive_tax() {
    let p = promo(PromoKind::FixedAmount { minor: 250 }, 0);
    let rule = ShippingRule::Weight {
        base: 300,
        per_kg: 200,
    };
    let tax = TaxRule {
        rate_basis_points: 1000,
        prices_include_tax: false,
    };
    // 2 × 1000 = 2000 − 250 = 1750; 1 kg → 500 shipping; tax 10 % of 2250 = 225.
    let t = run(&[line(1000, 2)], Some(&p), Some(&rule), tax);
    assert_eq!(
        (t.discount, t.shipping, t.tax, t.total),
        (250, 500, 225, 2475)
    );
}

#[test]
fn zero_decimal_currency_rounds_to_whole_units() {
    let tax = TaxRule {
        rate_basis_points: 1000,
        prices_include_tax: true,
    };
    let lines = [Line {
        unit_price: 1100,
        quantity: 1,
        weight_grams: 0,
    }];
    let t = price(&PricingInput {
        currency: Currency::Jpy,
        lines: &lines,
        promo: None,
        shipping: None,
        tax,
    })
    .expect("prices");
    assert_eq!((t.tax, t.total), (100, 1100));
}

#[test]
fn rejects_overflow_and_negative_prices() {
    let huge = [Line {
        unit_price: i64::MAX,
        quantity: 2,
        weight_grams: 0,
    }];
    assert_eq!(
        price(&PricingInput {
            currency: Currency::Usd,
            lines: &huge,
            promo: None,
            shipping: None,
            tax: EXCL
        }),
        Err(PricingError::Overflow)
    );
    let negative = [Line {
        unit_price: -1,
        quantity: 1,
        weight_grams: 0,
    }];
    assert_eq!(
        price(&PricingInput {
            currency: Currency::Usd,
            lines: &negative,
            promo: None,
            shipping: None,
            tax: EXCL
        }),
        Err(PricingError::Negative)
    );
}

#[test]
fn share_rounds_half_away_from_zero() {
    assert_eq!(share(5, 1, 2), Ok(3));
    assert_eq!(share(-5, 1, 2), Ok(-3));
    assert_eq!(share(4, 1, 3), Ok(1));
    assert_eq!(share(1, 1, 0), Err(PricingError::Overflow));
}
