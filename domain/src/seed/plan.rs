//! Builds the whole demo shop in memory first, so the database write is one
//! transaction of batched inserts and the result is the same every run.
use std::collections::HashSet;

use super::catalog_data::{
    Department, Leaf, Options, CATEGORY_WORDS_IN, COLOURS, DEPARTMENTS, NOUNS_IN, SHOE_SIZES,
    STYLE_WORDS,
};
use super::rng::Rng;

const SEED: u64 = 0x004d_4552_4341_544f; // "MERCATO"
const PRODUCTS_PER_LEAF: usize = 34;
pub const WAREHOUSES: &[(&str, &str)] = &[
    ("EAST", "East Coast fulfilment centre"),
    ("WEST", "West Coast fulfilment centre"),
];

pub struct DemoCategory {
    pub id: i32,
    pub parent_id: Option<i32>,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub position: i32,
    /// Name and description in German and French.
    pub translations: Vec<(model::Locale, String, String)>,
}

pub struct DemoImage {
    pub file: String,
    pub alt: String,
    pub colour: &'static str,
    pub icon: &'static str,
    pub caption: String,
    pub detail: bool,
}

pub struct DemoVariant {
    pub sku: String,
    pub title: String,
    pub price_minor: i64,
    pub compare_at_minor: Option<i64>,
    pub grams: i32,
    /// Index into each option's values, in option order.
    pub values: Vec<usize>,
    pub image: Option<usize>,
    /// On hand per warehouse, in [`WAREHOUSES`] order.
    pub stock: [i32; 2],
}

/// Option names with their values, in display order.
pub type OptionList = Vec<(String, Vec<String>)>;

pub struct DemoProduct {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub brand: String,
    pub category_id: i32,
    pub featured: bool,
    /// Minutes before the seed time, so "newest" has a real order.
    pub age_minutes: i64,
    pub options: OptionList,
    pub variants: Vec<DemoVariant>,
    pub images: Vec<DemoImage>,
    /// (attribute id, stored value)
    pub attributes: Vec<(i32, String)>,
    /// What the title says it is made of.
    pub material: &'static str,
    /// (locale, title, description) in the other languages.
    pub translations: Vec<(model::Locale, String, String)>,
}

/// An attribute a department defines for all its products.
pub struct DemoAttribute {
    pub id: i32,
    pub category_id: i32,
    pub code: String,
    pub name: &'static str,
    pub kind: model::attributes::AttributeKind,
    pub unit: &'static str,
    pub choices: Vec<String>,
    pub filterable: bool,
}

pub struct DemoPlan {
    pub categories: Vec<DemoCategory>,
    pub attributes: Vec<DemoAttribute>,
    pub products: Vec<DemoProduct>,
}

pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if ch != '\'' && !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

pub fn plan_demo() -> DemoPlan {
    let mut rng = Rng::new(SEED);
    let mut categories = Vec::new();
    let mut products = Vec::new();
    let mut attributes = Vec::new();
    let mut slugs = HashSet::new();
    let mut next_id = 1;
    let mut new_cat = |categories: &mut Vec<DemoCategory>,
                       parent: Option<i32>,
                       slug: String,
                       name: &str,
                       description: String,
                       position: i32,
                       translations: Vec<(model::Locale, String, String)>| {
        let id = next_id;
        next_id += 1;
        categories.push(DemoCategory {
            id,
            parent_id: parent,
            slug,
            name: name.to_owned(),
            description,
            position,
            translations,
        });
        id
    };
    for (di, dept) in DEPARTMENTS.iter().enumerate() {
        let dept_slug = slugify(dept.name);
        let dept_in = words_in(dept.name);
        let dept_id = new_cat(
            &mut categories,
            None,
            dept_slug.clone(),
            dept.name,
            dept.tagline.to_owned(),
            di as i32,
            category_translations(dept.name, |locale| {
                let (de, fr) = words_in(dept.tagline);
                (if locale == model::Locale::De { de } else { fr }).to_owned()
            }),
        );
        // Each department's material (a filter) and weight (a spec).
        let material_id = attributes.len() as i32 + 1;
        attributes.push(DemoAttribute {
            id: material_id,
            category_id: dept_id,
            code: format!("{dept_slug}-material"),
            name: "Material",
            kind: model::attributes::AttributeKind::Choice,
            unit: "",
            choices: dept.materials.iter().map(|m| (*m).to_owned()).collect(),
            filterable: true,
        });
        let weight_id = material_id + 1;
        attributes.push(DemoAttribute {
            id: weight_id,
            category_id: dept_id,
            code: format!("{dept_slug}-weight"),
            name: "Weight",
            kind: model::attributes::AttributeKind::Number,
            unit: "g",
            choices: Vec::new(),
            filterable: false,
        });
        for (si, sub) in dept.subs.iter().enumerate() {
            let sub_slug = format!("{dept_slug}-{}", slugify(sub.name));
            let sub_desc = format!(
                "{} {} from {}.",
                dept.name,
                sub.name.to_lowercase(),
                dept.brands.join(", ")
            );
            let brands = dept.brands.join(", ");
            let sub_id = new_cat(
                &mut categories,
                Some(dept_id),
                sub_slug,
                sub.name,
                sub_desc,
                si as i32,
                category_translations(sub.name, |locale| {
                    let (de, fr) = words_in(sub.name);
                    if locale == model::Locale::De {
                        format!("{}: {de} von {brands}.", dept_in.0)
                    } else {
                        format!("{}\u{a0}: {fr} par {brands}.", dept_in.1)
                    }
                }),
            );
            for (li, leaf) in sub.leaves.iter().enumerate() {
                let leaf_slug = format!("{dept_slug}-{}", slugify(leaf.name));
                let desc = format!(
                    "Shop {} {} — {} styles, in stock and ready to ship.",
                    dept.name.to_lowercase(),
                    leaf.name.to_lowercase(),
                    PRODUCTS_PER_LEAF
                );
                let leaf_id = new_cat(
                    &mut categories,
                    Some(sub_id),
                    leaf_slug,
                    leaf.name,
                    desc,
                    li as i32,
                    category_translations(leaf.name, |locale| {
                        let (de, fr) = words_in(leaf.name);
                        if locale == model::Locale::De {
                            format!(
                                "{} › {de}: {PRODUCTS_PER_LEAF} Modelle, vorrätig und versandbereit.",
                                dept_in.0
                            )
                        } else {
                            format!(
                                "{} › {fr}\u{a0}: {PRODUCTS_PER_LEAF} modèles, en stock et prêts à partir.",
                                dept_in.1
                            )
                        }
                    }),
                );
                for _ in 0..PRODUCTS_PER_LEAF {
                    let mut product =
                        plan_product(&mut rng, dept, leaf, leaf_id, products.len(), &mut slugs);
                    let grams = product.variants.iter().map(|v| v.grams).min().unwrap_or(0);
                    product.attributes = vec![
                        (material_id, product.material.to_owned()),
                        (weight_id, grams.to_string()),
                    ];
                    products.push(product);
                }
            }
        }
    }
    DemoPlan {
        categories,
        attributes,
        products,
    }
}

fn plan_product(
    rng: &mut Rng,
    dept: &Department,
    leaf: &Leaf,
    category_id: i32,
    n: usize,
    slugs: &mut HashSet<String>,
) -> DemoProduct {
    let brand = rng.pick(dept.brands).to_string();
    let style = rng.pick(STYLE_WORDS);
    let adjective = rng.pick(dept.adjectives);
    let material = rng.pick(dept.materials);
    let title = format!("{style} {adjective} {material} {}", leaf.noun);
    let mut slug = slugify(&title);
    let mut k = 2;
    while !slugs.insert(slug.clone()) {
        slug = format!("{}-{k}", slugify(&title));
        k += 1;
    }
    let description = format!(
        "The {title} by {brand}: {} {} made to last, in a cut and finish we'd wear ourselves. \
         {material} throughout, finished by hand and checked twice before it leaves the workshop. \
         Free returns within 30 days.",
        adjective.to_lowercase(),
        leaf.noun.to_lowercase(),
    );

    let (options, colour_option) = option_matrix(rng, leaf);
    let colours: Vec<(&'static str, &'static str)> = match colour_option {
        Some(ref names) => names
            .iter()
            .filter_map(|c| COLOURS.iter().find(|(n, _)| n == c).copied())
            .collect(),
        None => vec![*rng.pick(COLOURS)],
    };
    let mut images: Vec<DemoImage> = colours
        .iter()
        .enumerate()
        .map(|(i, (name, hex))| DemoImage {
            file: format!("{slug}-{}.svg", i + 1),
            alt: if colour_option.is_some() {
                format!("{title} in {name}")
            } else {
                title.clone()
            },
            colour: hex,
            icon: leaf.icon,
            caption: brand.clone(),
            detail: false,
        })
        .collect();
    let (_, base_hex) = colours[0];
    images.push(DemoImage {
        file: format!("{slug}-{}.svg", images.len() + 1),
        alt: format!("{title}, detail"),
        colour: base_hex,
        icon: leaf.icon,
        caption: material.to_string(),
        detail: true,
    });

    // Whole-unit prices ending in .00 or .99, like real shops.
    let base = rng.range(leaf.price.0, leaf.price.1) * 100 - if rng.chance(60) { 1 } else { 0 };
    let on_sale = rng.chance(20);
    let out_of_stock = rng.chance(3);
    let sku_stem = format!(
        "{}-{:04}",
        leaf.noun
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .take(3)
            .collect::<String>()
            .to_uppercase(),
        n + 1
    );

    let mut variants = Vec::new();
    let combos = combinations(&options.iter().map(|(_, v)| v.len()).collect::<Vec<_>>());
    for (vi, combo) in combos.into_iter().enumerate() {
        let price = base + surcharge_steps(leaf, &options, &combo) * step_for(base);
        let image = colour_option.as_ref().map(|_| *combo.last().unwrap_or(&0));
        let title = combo
            .iter()
            .enumerate()
            .map(|(oi, vi)| options[oi].1[*vi].clone())
            .collect::<Vec<_>>()
            .join(" / ");
        let stock = if out_of_stock || rng.chance(12) {
            [0, 0]
        } else {
            [rng.range(0, 40) as i32, rng.range(0, 25) as i32]
        };
        variants.push(DemoVariant {
            sku: format!("{sku_stem}-{:02}", vi + 1),
            title: if title.is_empty() {
                "Default".into()
            } else {
                title
            },
            price_minor: price,
            compare_at_minor: on_sale.then(|| round_up_to_dollar(price * 5 / 4)),
            grams: rng.range(leaf.grams.0, leaf.grams.1) as i32,
            values: combo,
            image: image.or(Some(0)),
            stock,
        });
    }
    // Keep at least one variant of most products in stock so shelves look alive.
    if !out_of_stock && variants.iter().all(|v| v.stock == [0, 0]) {
        variants[0].stock = [5, 3];
    }

    let translations = translations(
        &format!("{style} {adjective} {material}"),
        leaf.noun,
        &brand,
        material,
    );
    DemoProduct {
        slug,
        title,
        description,
        brand,
        category_id,
        featured: n % 47 == 3,
        age_minutes: (n as i64) * 37 % 100_000 + rng.range(0, 30),
        options,
        variants,
        images,
        attributes: Vec::new(),
        translations,
        material,
    }
}

/// `en` in German and French ([`CATEGORY_WORDS_IN`]); the English where
/// the table has no row.
fn words_in(en: &str) -> (&str, &str) {
    CATEGORY_WORDS_IN
        .iter()
        .find(|(e, _, _)| *e == en)
        .map_or((en, en), |(_, de, fr)| (*de, *fr))
}

/// A demo category's name in German and French, each with the
/// description `describe` writes in that language.
fn category_translations(
    name: &str,
    describe: impl Fn(model::Locale) -> String,
) -> Vec<(model::Locale, String, String)> {
    let (de, fr) = words_in(name);
    vec![
        (
            model::Locale::De,
            de.to_owned(),
            describe(model::Locale::De),
        ),
        (
            model::Locale::Fr,
            fr.to_owned(),
            describe(model::Locale::Fr),
        ),
    ]
}

/// The demo product's title and description in German and French: the
/// noun translated ([`NOUNS_IN`]), the collection words kept.
fn translations(
    named: &str,
    noun: &str,
    brand: &str,
    material: &str,
) -> Vec<(model::Locale, String, String)> {
    let Some((_, de, fr)) = NOUNS_IN.iter().find(|(en, _, _)| *en == noun) else {
        return Vec::new();
    };
    let (title_de, title_fr) = (format!("{named} {de}"), format!("{named} {fr}"));
    vec![
        (
            model::Locale::De,
            title_de.clone(),
            format!(
                "{title_de} von {brand}: gemacht, um zu halten, in einem Schnitt und einer \
                 Verarbeitung, die wir selbst tragen würden. Durchgehend {material}, von Hand \
                 veredelt und zweimal geprüft, bevor es die Werkstatt verlässt. Kostenlose \
                 Rücksendung innerhalb von 30 Tagen."
            ),
        ),
        (
            model::Locale::Fr,
            title_fr.clone(),
            format!(
                "{title_fr} par {brand} : fait pour durer, d'une coupe et d'une finition que \
                 nous porterions nous-mêmes. {material} de bout en bout, fini à la main et \
                 vérifié deux fois avant de quitter l'atelier. Retours gratuits sous 30 jours."
            ),
        ),
    ]
}

/// Bigger capacities cost more, and so do the two largest clothing sizes.
fn surcharge_steps(leaf: &Leaf, options: &OptionList, combo: &[usize]) -> i64 {
    let (Some(&first), Some((_, values))) = (combo.first(), options.first()) else {
        return 0;
    };
    match leaf.options {
        Options::One(..) => first as i64,
        Options::Apparel(_) => (first as i64 - (values.len() as i64 - 3)).max(0),
        Options::Shoes | Options::Colour => 0,
    }
}

fn step_for(base: i64) -> i64 {
    match base {
        b if b < 5_000 => 200,
        b if b < 15_000 => 500,
        _ => 1_000,
    }
}

fn round_up_to_dollar(minor: i64) -> i64 {
    (minor + 99) / 100 * 100 - 1
}

/// The product's options and, when it has a Colour option, its colour names.
fn option_matrix(rng: &mut Rng, leaf: &Leaf) -> (OptionList, Option<Vec<String>>) {
    let colour_names: Vec<&str> = COLOURS.iter().map(|(n, _)| *n).collect();
    let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match leaf.options {
        Options::Apparel(sizes) => {
            let n_sizes = rng.range(3, sizes.len() as i64) as usize;
            let start = rng.range(0, (sizes.len() - n_sizes) as i64) as usize;
            let sizes = owned(&sizes[start..start + n_sizes]);
            let n_colours = rng.range(2, 4) as usize;
            let colours = owned(&rng.subset(&colour_names, n_colours));
            (
                vec![("Size".into(), sizes), ("Colour".into(), colours.clone())],
                Some(colours),
            )
        }
        Options::Shoes => {
            let start = rng.range(0, 2) as usize;
            let sizes = owned(&SHOE_SIZES[start..start + 7]);
            let colours = owned(&rng.subset(&colour_names, 2));
            (
                vec![("Size".into(), sizes), ("Colour".into(), colours.clone())],
                Some(colours),
            )
        }
        Options::Colour => {
            let n = rng.range(1, 4) as usize;
            let colours = owned(&rng.subset(&colour_names, n));
            (vec![("Colour".into(), colours.clone())], Some(colours))
        }
        Options::One(name, values) => (vec![(name.to_owned(), owned(values))], None),
    }
}

/// Every combination of value indexes, first option slowest.
fn combinations(lens: &[usize]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new()];
    for &len in lens {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                (0..len).map(move |i| {
                    let mut next = prefix.clone();
                    next.push(i);
                    next
                })
            })
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_big_enough_and_deterministic() {
        let a = plan_demo();
        let b = plan_demo();
        assert!(a.products.len() >= 1000, "{} products", a.products.len());
        assert!(a.categories.len() >= 25);
        let depth3 = a.categories.iter().filter(|c| {
            c.parent_id
                .and_then(|p| a.categories.iter().find(|x| x.id == p))
                .and_then(|p| p.parent_id)
                .is_some()
        });
        assert!(depth3.count() >= 25);
        let titles_a: Vec<&str> = a.products.iter().map(|p| p.title.as_str()).collect();
        let titles_b: Vec<&str> = b.products.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles_a, titles_b);
    }

    #[test]
    fn slugs_and_skus_are_unique() {
        let plan = plan_demo();
        let mut slugs = HashSet::new();
        let mut skus = HashSet::new();
        for p in &plan.products {
            assert!(slugs.insert(p.slug.clone()), "duplicate slug {}", p.slug);
            for v in &p.variants {
                assert!(skus.insert(v.sku.clone()), "duplicate sku {}", v.sku);
            }
        }
    }

    #[test]
    fn apparel_has_a_size_colour_matrix_with_price_steps() {
        let plan = plan_demo();
        let tee = plan
            .products
            .iter()
            .find(|p| p.title.ends_with("T-Shirt"))
            .expect("a t-shirt");
        assert_eq!(tee.options[0].0, "Size");
        assert_eq!(tee.options[1].0, "Colour");
        assert_eq!(
            tee.variants.len(),
            tee.options[0].1.len() * tee.options[1].1.len()
        );
        let prices: HashSet<i64> = tee.variants.iter().map(|v| v.price_minor).collect();
        assert!(prices.len() > 1, "sizes should not all cost the same");
    }

    #[test]
    fn some_stock_is_out() {
        let plan = plan_demo();
        let variants: Vec<&DemoVariant> = plan.products.iter().flat_map(|p| &p.variants).collect();
        let out = variants.iter().filter(|v| v.stock == [0, 0]).count();
        assert!(
            out > 0 && out < variants.len() / 3,
            "{out} of {} out of stock",
            variants.len()
        );
    }

    #[test]
    fn slugify_makes_url_safe_words() {
        assert_eq!(slugify("Home & Living"), "home-living");
        assert_eq!(slugify("Girls' T-Shirts"), "girls-t-shirts");
        assert_eq!(slugify("  Trail  Boot "), "trail-boot");
    }

    #[test]
    fn every_product_noun_is_translated() {
        for dept in DEPARTMENTS {
            for sub in dept.subs {
                for leaf in sub.leaves {
                    assert!(
                        NOUNS_IN.iter().any(|(en, _, _)| *en == leaf.noun),
                        "{} has no German or French",
                        leaf.noun
                    );
                }
            }
        }
        let plan = plan_demo();
        let p = &plan.products[0];
        assert_eq!(p.translations.len(), 2);
        assert!(p
            .translations
            .iter()
            .all(|(_, title, d)| !title.is_empty() && d.contains(&p.brand)));
    }
}
