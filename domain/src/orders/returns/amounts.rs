//! What a return refunds, in minor units: the goods sent back, less their
//! share of the order's discount, plus (if staff choose, once per order)
//! the shipping, plus their share of the tax when tax was added on top.
//!
//! Shares are taken of everything returned so far and the earlier
//! returns' shares subtracted, so however an order comes back in parts,
//! the parts add up to exactly what a single return of everything would
//! refund — the order's total — and rounding never adds a cent. One
//! rounding rule (`pricing::share`, half away from zero).
use crate::pricing::{share, PricingError};

/// The order's amounts as placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    pub subtotal: i64,
    pub discount: i64,
    pub shipping: i64,
    pub tax: i64,
    pub total: i64,
    pub prices_include_tax: bool,
}

/// What has come back: the goods' value at the prices paid, and whether
/// the shipping went back too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Returned {
    pub goods: i64,
    pub shipping: bool,
}

/// One return's refund, part by part; `total` is what goes back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Refund {
    pub goods: i64,
    pub discount: i64,
    pub shipping: i64,
    /// The tax in the refund: added to it, or (prices including tax)
    /// contained in it.
    pub tax: i64,
    pub total: i64,
}

/// Everything returned up to some point, refunded as one return.
fn cumulative(o: &Placed, r: Returned) -> Result<Refund, PricingError> {
    let goods = r.goods.min(o.subtotal);
    let discount = if o.subtotal == 0 {
        0
    } else {
        share(o.discount, goods, o.subtotal)?
    };
    let shipping = if r.shipping { o.shipping } else { 0 };
    let net = goods - discount + shipping;
    let taxable = o.subtotal - o.discount + o.shipping;
    let tax = if taxable == 0 {
        0
    } else {
        share(o.tax, net, taxable)?
    };
    let total = if o.prices_include_tax { net } else { net + tax };
    Ok(Refund {
        goods,
        discount,
        shipping,
        tax,
        total,
    })
}

/// The refund for `now`, given what `before` already refunded.
pub fn refund(o: &Placed, before: Returned, now: Returned) -> Result<Refund, PricingError> {
    let after = Returned {
        goods: before.goods + now.goods,
        shipping: before.shipping || now.shipping,
    };
    let (a, b) = (cumulative(o, after)?, cumulative(o, before)?);
    Ok(Refund {
        goods: a.goods - b.goods,
        discount: a.discount - b.discount,
        shipping: a.shipping - b.shipping,
        tax: a.tax - b.tax,
        total: a.total - b.total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two tees at 25.00 and socks at 12.00 (62.00), 10 % off (6.20),
    /// shipping 4.95, 8.25 % tax added on 60.75: 5.01; total 65.76.
    const ADDED: Placed = Placed {
        subtotal: 6200,
        discount: 620,
        shipping: 495,
        tax: 501,
        total: 6576,
        prices_include_tax: false,
    };

    fn goods(goods: i64) -> Returned {
        Returned {
            goods,
            shipping: false,
        }
    }

    #[test]
    fn one_tee_back_by_hand() {
        // Discount 620 × 2500 / 6200 = 250; net 2250; tax 501 × 2250 / 6075
        // = 185.56 → 186; refund 2436.
        let r = refund(&ADDED, Returned::default(), goods(2500)).unwrap();
        assert_eq!(
            r,
            Refund {
                goods: 2500,
                discount: 250,
                shipping: 0,
                tax: 186,
                total: 2436
            }
        );
    }

    #[test]
    fn shipping_back_with_the_socks() {
        // Socks 1200: discount 120; net with shipping 1080 + 495 = 1575;
        // tax 501 × 1575 / 6075 = 129.89 → 130; refund 1705.
        let r = refund(
            &ADDED,
            Returned::default(),
            Returned {
                goods: 1200,
                shipping: true,
            },
        )
        .unwrap();
        assert_eq!(
            (r.discount, r.shipping, r.tax, r.total),
            (120, 495, 130, 1705)
        );
    }

    #[test]
    fn parts_add_up_to_the_total_without_a_stray_cent() {
        // One tee, then the other tee, then the socks with shipping.
        let first = refund(&ADDED, Returned::default(), goods(2500)).unwrap();
        let second = refund(&ADDED, goods(2500), goods(2500)).unwrap();
        let third = refund(
            &ADDED,
            goods(5000),
            Returned {
                goods: 1200,
                shipping: true,
            },
        )
        .unwrap();
        assert_eq!(first.total + second.total + third.total, ADDED.total);
        assert_eq!(first.tax + second.tax + third.tax, ADDED.tax);
        // The second tee carries the rounding: 501 × 4500 / 6075 = 371.11 → 371, less 186.
        assert_eq!(second.tax, 185);
    }

    #[test]
    fn prices_including_tax_refund_what_was_paid_for_the_goods() {
        // 20 % VAT included: 50.00 of goods, no discount, shipping 5.00;
        // tax in the total 55.00 × 20 / 120 = 9.17.
        let vat = Placed {
            subtotal: 5000,
            discount: 0,
            shipping: 500,
            tax: 917,
            total: 5500,
            prices_include_tax: true,
        };
        let r = refund(&vat, Returned::default(), goods(2000)).unwrap();
        // Tax contained: 917 × 2000 / 5500 = 333.45 → 333.
        assert_eq!((r.total, r.tax), (2000, 333));
    }

    #[test]
    fn nothing_back_is_nothing_refunded() {
        let r = refund(&ADDED, goods(2500), Returned::default()).unwrap();
        assert_eq!(r, Refund::default());
    }
}
