//! schema.org markup for the product page, so search engines show price and
//! availability.
use super::types::ProductDetail;

/// schema.org Product with one Offer per variant. `<` is escaped so the JSON
/// can never close the surrounding `<script>` element.
pub fn product(d: &ProductDetail, base: &str) -> String {
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
    let doc = serde_json::json!({
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
    doc.to_string().replace('<', "\\u003c")
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
        };
        let json = product(&detail, "https://shop.example");
        assert!(!json.contains('<'), "nothing can close the <script>");
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        insta::assert_snapshot!(serde_json::to_string_pretty(&value).expect("pretty"));
    }
}
