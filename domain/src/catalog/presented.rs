//! Catalog prices in the shopper's currency and text in their language.
//! Cards and product pages are read and held in the base currency and in
//! English, with each variant's list prices and the product's translations
//! beside them; these turn a copy into the currency and language asked for:
//! a list price where one is set, else the base price converted and rounded
//! by the currency's rule; a translation where one is written, else the
//! English. Nothing here reads the database.
use model::fx::Currencies;
use model::recommendations::ProductRecommendations;
use model::search::{FacetWording, SearchPage};
use model::storefront::{
    CategoryCard, CategoryRef, CategoryView, HomePage, ProductCard, ProductDetail,
};

use crate::money::{Currency, Money};
use model::Locale;

/// The smallest and largest of `prices` (none when empty).
fn range(prices: impl Iterator<Item = Money>) -> Option<(Money, Money)> {
    prices.fold(None, |acc, m| match acc {
        None => Some((m, m)),
        Some((lo, hi)) => Some((
            if m.minor < lo.minor { m } else { lo },
            if m.minor > hi.minor { m } else { hi },
        )),
    })
}

/// A base amount converted into `to` (as it was when `to` is not sold in).
fn converted(c: &Currencies, m: Money, to: Currency) -> Money {
    c.price(m.minor, None, to).unwrap_or(m)
}

pub fn card(c: &Currencies, to: Currency, card: &mut ProductCard) {
    if to == c.base || !c.sells_in(to) {
        return;
    }
    let variants = std::mem::take(&mut card.variant_prices);
    if variants.is_empty() {
        // Conversion keeps order, so the range converts end by end.
        card.price_min = converted(c, card.price_min, to);
        card.price_max = converted(c, card.price_max, to);
        card.compare_at = card.compare_at.map(|m| converted(c, m, to));
        return;
    }
    let shown: Vec<(Money, Option<Money>)> = variants
        .iter()
        .filter_map(|v| c.variant(v.price, v.compare_at, &v.listed, to))
        .collect();
    if let Some((lo, hi)) = range(shown.iter().map(|(p, _)| *p)) {
        card.price_min = lo;
        card.price_max = hi;
        card.compare_at = shown
            .iter()
            .filter_map(|(_, was)| *was)
            .max_by_key(|m| m.minor);
    }
}

/// A product page in `to`, its schema.org markup included.
pub fn detail(c: &Currencies, to: Currency, d: &mut ProductDetail) {
    if to == c.base || !c.sells_in(to) {
        return;
    }
    for v in &mut d.variants {
        let base = std::mem::take(&mut v.base);
        if let Some((price, was)) = c.variant(base.price, base.compare_at, &base.listed, to) {
            v.price = price;
            v.compare_at = was;
        }
    }
    if let Some((lo, hi)) = range(d.variants.iter().map(|v| v.price)) {
        d.price_min = lo;
        d.price_max = hi;
    } else {
        d.price_min = converted(c, d.price_min, to);
        d.price_max = converted(c, d.price_max, to);
    }
    d.json_ld = super::json_ld::repriced(&d.json_ld, d);
}

/// Who a page is shown to: the currency they pay in and the language
/// they read.
#[derive(Clone, Copy)]
pub struct Audience<'a> {
    pub currencies: &'a Currencies,
    pub currency: Currency,
    pub locale: Locale,
}

/// A card's title in `locale` (the English where none is written).
pub fn card_title(locale: Locale, card: &mut ProductCard) {
    in_locale(locale, &mut card.title, &mut card.titles);
}

/// A product page's text in `locale`: the title, the description when one
/// is written (else the English), the search-engine title and description
/// and the markup's name and description with them.
pub fn detail_text(locale: Locale, d: &mut ProductDetail) {
    let translations = std::mem::take(&mut d.translations);
    let Some(t) = translations.into_iter().find(|t| t.locale == locale) else {
        return;
    };
    d.seo_title = t.title.clone();
    d.title = t.title;
    if !t.description.is_empty() {
        d.seo_description = super::product_page::seo_start(&t.description);
        d.description = t.description;
    }
    d.json_ld = super::json_ld::retitled(&d.json_ld, d);
}

/// Values a page is made of that hold catalog prices and text.
pub trait Shown {
    fn show(&mut self, to: &Audience<'_>);
}

impl Shown for ProductCard {
    fn show(&mut self, to: &Audience<'_>) {
        card(to.currencies, to.currency, self);
        card_title(to.locale, self);
    }
}

impl Shown for Vec<ProductCard> {
    fn show(&mut self, to: &Audience<'_>) {
        for one in self {
            one.show(to);
        }
    }
}

impl Shown for ProductDetail {
    fn show(&mut self, to: &Audience<'_>) {
        detail(to.currencies, to.currency, self);
        detail_text(to.locale, self);
        self.breadcrumbs.show(to);
    }
}

/// `text` in `locale` from the translations taken out of `others` (as it
/// was where none is written).
fn in_locale(locale: Locale, text: &mut String, others: &mut Vec<(Locale, String)>) {
    if let Some((_, t)) = std::mem::take(others)
        .into_iter()
        .find(|(l, _)| *l == locale)
    {
        *text = t;
    }
}

impl Shown for CategoryRef {
    fn show(&mut self, to: &Audience<'_>) {
        in_locale(to.locale, &mut self.name, &mut self.names);
    }
}

impl Shown for Vec<CategoryRef> {
    fn show(&mut self, to: &Audience<'_>) {
        for one in self {
            one.show(to);
        }
    }
}

impl Shown for CategoryCard {
    fn show(&mut self, to: &Audience<'_>) {
        if let Some(t) = std::mem::take(&mut self.texts)
            .into_iter()
            .find(|t| t.locale == to.locale)
        {
            self.name = t.name;
            if !t.description.is_empty() {
                self.description = t.description;
            }
        }
        self.subcategories.show(to);
    }
}

impl Shown for HomePage {
    fn show(&mut self, to: &Audience<'_>) {
        for card in &mut self.categories {
            card.show(to);
        }
        self.featured.show(to);
        self.newest.show(to);
    }
}

impl Shown for CategoryView {
    fn show(&mut self, to: &Audience<'_>) {
        self.products.show(to);
        self.category.show(to);
        self.breadcrumbs.show(to);
        self.subcategories.show(to);
        in_locale(to.locale, &mut self.description, &mut self.descriptions);
    }
}

/// The hits' titles are in the page's language already: the search
/// highlights the words it matched in them.
impl Shown for SearchPage {
    fn show(&mut self, to: &Audience<'_>) {
        for hit in &mut self.hits {
            hit.card.show(to);
        }
        self.popular.show(to);
        for option in self.facets.iter_mut().flat_map(|g| g.options.iter_mut()) {
            if let Some(FacetWording::Price { from, to: upto }) = &mut option.wording {
                *from = threshold(to.currencies, *from, to.currency);
                *upto = upto.map(|m| threshold(to.currencies, m, to.currency));
            }
        }
    }
}

/// A base amount that bounds prices (a price filter's edge) in `to`: the
/// exact conversion, as the filter compares it, without the rounding rule
/// that makes a price end in .99 (as it was when `to` is not sold in).
fn threshold(c: &Currencies, m: Money, to: Currency) -> Money {
    if m.currency != c.base {
        return m;
    }
    c.convert_exact(m.minor, to)
        .map_or(m, |minor| Money::new(minor, to))
}

impl Shown for ProductRecommendations {
    fn show(&mut self, to: &Audience<'_>) {
        self.also_bought.show(to);
        self.similar.show(to);
    }
}

impl<T: Shown> Shown for Option<T> {
    fn show(&mut self, to: &Audience<'_>) {
        if let Some(v) = self {
            v.show(to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::fx::{ListPrice, Presentment, Rate, Rounding, VariantPrices};

    fn shop() -> Currencies {
        Currencies {
            base: Currency::Usd,
            others: vec![Presentment {
                currency: Currency::Eur,
                rate: Rate::parse("0.9").unwrap(),
                rounding: Rounding::NinetyNine,
            }],
        }
    }

    fn usd(minor: i64) -> Money {
        Money::new(minor, Currency::Usd)
    }

    fn a_card(variant_prices: Vec<VariantPrices>) -> ProductCard {
        ProductCard {
            slug: "tee".into(),
            title: "Tee".into(),
            brand: String::new(),
            price_min: usd(2000),
            price_max: usd(3000),
            compare_at: Some(usd(4000)),
            image: None,
            in_stock: true,
            rating: None,
            variant_prices,
            titles: vec![(Locale::De, "T-Shirt".into())],
        }
    }

    #[test]
    fn a_card_without_list_prices_converts_its_range() {
        let mut c = a_card(Vec::new());
        card(&shop(), Currency::Eur, &mut c);
        let eur = |m| Money::new(m, Currency::Eur);
        // $20 → €18.00 → €18.99; $30 → €27.99; $40 → €36.99.
        assert_eq!((c.price_min, c.price_max), (eur(1899), eur(2799)));
        assert_eq!(c.compare_at, Some(eur(3699)));
    }

    #[test]
    fn a_list_price_can_move_the_range() {
        let listed = vec![ListPrice {
            currency: Currency::Eur,
            price: 1500,
            compare_at: None,
        }];
        let mut c = a_card(vec![
            VariantPrices {
                price: 2000,
                compare_at: None,
                listed,
            },
            VariantPrices {
                price: 3000,
                compare_at: Some(4000),
                listed: Vec::new(),
            },
        ]);
        card(&shop(), Currency::Eur, &mut c);
        let eur = |m| Money::new(m, Currency::Eur);
        assert_eq!((c.price_min, c.price_max), (eur(1500), eur(2799)));
        assert_eq!(c.compare_at, Some(eur(3699)));
        let mut same = a_card(Vec::new());
        card(&shop(), Currency::Usd, &mut same);
        assert_eq!(same.price_min, usd(2000));
    }

    #[test]
    fn a_card_reads_in_the_language_asked_for_else_english() {
        let shop = shop();
        let audience = |locale| Audience {
            currencies: &shop,
            currency: Currency::Usd,
            locale,
        };
        let mut de = a_card(Vec::new());
        de.show(&audience(Locale::De));
        assert_eq!(de.title, "T-Shirt");
        let mut fr = a_card(Vec::new());
        fr.show(&audience(Locale::Fr));
        assert_eq!(fr.title, "Tee");
        // Shown once: a second showing finds nothing left to translate.
        de.show(&audience(Locale::Fr));
        assert_eq!(de.title, "T-Shirt");
    }

    #[test]
    fn search_price_buckets_are_worded_in_the_shoppers_currency() {
        use model::search::{FacetGroup, FacetKey, FacetOption, SearchRequest};
        let option = |from, to: Option<i64>| FacetOption {
            value: String::new(),
            label: String::new(),
            count: 1,
            selected: false,
            depth: 0,
            swatch: None,
            wording: Some(FacetWording::Price {
                from: usd(from),
                to: to.map(usd),
            }),
        };
        let page = || SearchPage {
            request: SearchRequest::default(),
            hits: Vec::new(),
            total: 0,
            page_count: 1,
            facets: vec![FacetGroup {
                key: FacetKey::Price,
                name: "Price".into(),
                options: vec![option(0, Some(2_500)), option(20_000, None)],
            }],
            did_you_mean: None,
            popular: Vec::new(),
        };
        let wording = |p: &SearchPage| -> Vec<Option<FacetWording>> {
            p.facets[0]
                .options
                .iter()
                .map(|o| o.wording.clone())
                .collect()
        };
        let eur = |m| Money::new(m, Currency::Eur);
        let c = shop();
        let mut euros = page();
        euros.show(&Audience {
            currencies: &c,
            currency: Currency::Eur,
            locale: Locale::De,
        });
        // Exact at 0.9, without EUR's …99 rule: the edges are what the
        // filter compares, not prices.
        assert_eq!(
            wording(&euros),
            vec![
                Some(FacetWording::Price {
                    from: eur(0),
                    to: Some(eur(2_250))
                }),
                Some(FacetWording::Price {
                    from: eur(18_000),
                    to: None
                }),
            ]
        );
        let mut dollars = page();
        dollars.show(&Audience {
            currencies: &c,
            currency: Currency::Usd,
            locale: Locale::En,
        });
        assert_eq!(wording(&dollars), wording(&page()));
    }
}
