//! schema.org markup for the product page, so search engines show price,
//! availability and ratings.
use super::types::ProductDetail;
use crate::entities::review;

/// The newest published reviews the markup carries.
pub const REVIEWS: u64 = 5;

/// schema.org Product with one Offer per variant, its AggregateRating and
/// a few Reviews (`(author label, review)`). `<` is escaped so the JSON
/// can never close the surrounding `<script>` element.
pub fn product(d: &ProductDetail, base: &str, reviews: &[(String, review::Model)]) -> String {
    let url = format!("{base}/product/{}", d.slug);
    let offers: Vec<serde_json::Value> = d
        .variants
        .iter()
        .map(|v| {
            serde_json::json!({
                "@type": "Offer",
                "sku": v.sku,
                "name": v.title,
                "price": v.price.decimal_string(),
                "priceCurrency": v.price.currency.code(),
                "availability": if v.available > 0 { "https://schema.org/InStock" } else { "https://schema.org/OutOfStock" },
                "url": url,
            })
        })
        .collect();
    let mut doc = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": d.title,
        "description": d.description,
        "brand": { "@type": "Brand", "name": d.brand },
        "sku": d.variants.first().map(|v| v.sku.clone()),
        "image": d.images.iter().map(|i| format!("{base}{}", i.url)).collect::<Vec<_>>(),
        "url": url,
        "offers": {
            "@type": "AggregateOffer",
            "lowPrice": d.price_min.decimal_string(),
            "highPrice": d.price_max.decimal_string(),
            "priceCurrency": d.price_min.currency.code(),
            "offerCount": d.variants.len(),
            "offers": offers,
        },
    });
    if !d.specs.is_empty() {
        doc["additionalProperty"] = d
            .specs
            .iter()
            .flat_map(|s| {
                s.values.iter().map(move |v| {
                    let mut p = serde_json::json!({
                        "@type": "PropertyValue",
                        "name": s.name,
                        "value": v.label,
                    });
                    if !s.unit.is_empty() {
                        p["value"] = v.value.clone().into();
                        p["unitText"] = s.unit.clone().into();
                    }
                    p
                })
            })
            .collect();
    }
    if let Some(r) = d.rating {
        doc["aggregateRating"] = serde_json::json!({
            "@type": "AggregateRating",
            "ratingValue": r.average_label(),
            "reviewCount": r.count,
            "bestRating": 5,
            "worstRating": 1,
        });
        doc["review"] = reviews
            .iter()
            .map(|(author, r)| {
                serde_json::json!({
                    "@type": "Review",
                    "author": { "@type": "Person", "name": author },
                    "name": r.title,
                    "reviewBody": r.body,
                    "datePublished": r.created_at.date().format(crate::typed::DAY).unwrap_or_default(),
                    "reviewRating": { "@type": "Rating", "ratingValue": r.rating, "bestRating": 5, "worstRating": 1 },
                })
            })
            .collect();
    }
    embeddable(&doc)
}

/// The markup as it can sit in a `<script>`: `<` escaped, so the JSON can
/// never close the element.
fn embeddable(doc: &serde_json::Value) -> String {
    doc.to_string().replace('<', "\\u003c")
}

/// `json` (from [`product`]) changed by `edit`; markup that does not read
/// is left as it was.
fn edited(json: &str, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let Ok(mut doc) = serde_json::from_str::<serde_json::Value>(json) else {
        return json.to_owned();
    };
    edit(&mut doc);
    embeddable(&doc)
}

/// `json` with `d`'s prices, after the page was shown in another currency.
pub fn repriced(json: &str, d: &ProductDetail) -> String {
    edited(json, |doc| {
        let offers = &mut doc["offers"];
        offers["lowPrice"] = d.price_min.decimal_string().into();
        offers["highPrice"] = d.price_max.decimal_string().into();
        offers["priceCurrency"] = d.price_min.currency.code().into();
        if let Some(list) = offers["offers"].as_array_mut() {
            for (offer, v) in list.iter_mut().zip(&d.variants) {
                offer["price"] = v.price.decimal_string().into();
                offer["priceCurrency"] = v.price.currency.code().into();
            }
        }
    })
}

/// `json` with `d`'s name and description, after the page was shown in
/// another language.
pub fn retitled(json: &str, d: &ProductDetail) -> String {
    edited(json, |doc| {
        doc["name"] = d.title.clone().into();
        doc["description"] = d.description.clone().into();
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{CategoryRef, Image, OptionDef, ProductStatus, VariantDetail};
    use crate::money::{Currency, Money};

    fn variant(sku: &str, title: &str, minor: i64, available: i64) -> VariantDetail {
        VariantDetail {
            sku: sku.into(),
            title: title.into(),
            price: Money::new(minor, Currency::Eur),
            compare_at: None,
            values: vec![title.into()],
            available,
            image_index: Some(0),
            base: Default::default(),
        }
    }

    fn spec(name: &str, unit: &str, values: &[(&str, &str)]) -> model::attributes::Spec {
        model::attributes::Spec {
            name: name.into(),
            unit: unit.into(),
            values: values
                .iter()
                .map(|(value, label)| model::attributes::SpecValue {
                    value: (*value).into(),
                    label: (*label).into(),
                    swatch: None,
                })
                .collect(),
        }
    }

    #[test]
    fn a_product_page_as_search_engines_read_it() {
        let detail = ProductDetail {
            id: 7,
            slug: "linen-shirt".into(),
            // A title that tries to close the script element it is embedded in.
            title: "Linen shirt </script><script>alert(1)</script>".into(),
            description: "Washed linen, relaxed fit.".into(),
            brand: "Aster & Vale".into(),
            seo_title: "Linen shirt".into(),
            seo_description: "Washed linen.".into(),
            breadcrumbs: vec![CategoryRef {
                slug: "women".into(),
                name: "Women".into(),
                names: Vec::new(),
            }],
            images: vec![Image {
                url: "/media/linen.webp".into(),
                alt: "Linen shirt".into(),
                width: 800,
                height: 1000,
            }],
            options: vec![OptionDef {
                name: "Size".into(),
                values: vec!["S".into(), "M".into()],
            }],
            variants: vec![
                variant("LIN-S", "S", 4900, 3),
                variant("LIN-M", "M", 5400, 0),
            ],
            price_min: Money::new(4900, Currency::Eur),
            price_max: Money::new(5400, Currency::Eur),
            json_ld: String::new(),
            status: ProductStatus::Active,
            rating: model::reviews::RatingSummary::new(2, 9),
            specs: vec![
                spec("Material", "", &[("Linen", "Linen")]),
                spec("Weight", "g", &[("180", "180 g")]),
            ],
            translations: Vec::new(),
        };
        let written = time::macros::datetime!(2026-11-30 10:00 UTC);
        let review = review::Model {
            id: 1,
            product_id: 7,
            user_id: 3,
            rating: 5,
            title: "Breathes </script> well".into(),
            body: "Cool on hot days.".into(),
            status: "published".into(),
            verified: true,
            flagged: false,
            reject_reason: None,
            reply: None,
            replied_at: None,
            helpful_count: 0,
            report_count: 0,
            created_at: written,
            updated_at: written,
        };
        let json = product(
            &detail,
            "https://shop.example",
            &[("Ann B.".into(), review)],
        );
        assert!(!json.contains('<'), "nothing can close the <script>");
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        insta::assert_snapshot!(serde_json::to_string_pretty(&value).expect("pretty"));
    }
}
