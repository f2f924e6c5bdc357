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
