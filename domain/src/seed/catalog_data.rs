//! The demo shop's shape: departments, their categories, and the words and
//! prices products are made from.

#[derive(Clone, Copy)]
pub enum Options {
    /// Size × Colour, the apparel matrix.
    Apparel(&'static [&'static str]),
    /// EU shoe sizes × Colour.
    Shoes,
    Colour,
    /// A single option with fixed values, e.g. Capacity: 20 L / 30 L.
    One(&'static str, &'static [&'static str]),
}

#[derive(Clone, Copy)]
pub struct Leaf {
    pub name: &'static str,
    /// Singular noun used in product titles.
    pub noun: &'static str,
    pub icon: &'static str,
    /// Price range in whole currency units.
    pub price: (i64, i64),
    pub grams: (i64, i64),
    pub options: Options,
}

pub struct Sub {
    pub name: &'static str,
    pub leaves: &'static [Leaf],
}

pub struct Department {
    pub name: &'static str,
    pub tagline: &'static str,
    pub brands: &'static [&'static str],
    pub adjectives: &'static [&'static str],
    pub materials: &'static [&'static str],
    pub subs: &'static [Sub],
}

const ADULT: &[&str] = &["XS", "S", "M", "L", "XL", "XXL"];
const KIDS: &[&str] = &["2Y", "4Y", "6Y", "8Y", "10Y", "12Y"];
const BABY: &[&str] = &["0-3M", "3-6M", "6-12M", "12-18M"];

const fn leaf(
    name: &'static str,
    noun: &'static str,
    icon: &'static str,
    price: (i64, i64),
    grams: (i64, i64),
    options: Options,
) -> Leaf {
    Leaf {
        name,
        noun,
        icon,
        price,
        grams,
        options,
    }
}

pub const DEPARTMENTS: &[Department] = &[
    Department {
        name: "Women",
        tagline: "Everyday wardrobe staples and statement pieces.",
        brands: &["Aster & Vale", "Northwind", "Linea", "Marlowe"],
        adjectives: &[
            "Classic",
            "Relaxed",
            "Cropped",
            "Essential",
            "Everyday",
            "Tailored",
            "Oversized",
            "Slim",
        ],
        materials: &[
            "Organic Cotton",
            "Linen",
            "Merino",
            "Recycled",
            "Jersey",
            "Denim",
        ],
        subs: &[
            Sub {
                name: "Tops",
                leaves: &[
                    leaf(
                        "T-Shirts",
                        "T-Shirt",
                        "tshirt",
                        (15, 39),
                        (150, 220),
                        Options::Apparel(ADULT),
                    ),
                    leaf(
                        "Shirts & Blouses",
                        "Shirt",
                        "shirt",
                        (29, 79),
                        (180, 260),
                        Options::Apparel(ADULT),
                    ),
                ],
            },
            Sub {
                name: "Bottoms",
                leaves: &[
                    leaf(
                        "Jeans",
                        "Jeans",
                        "trousers",
                        (49, 119),
                        (450, 700),
                        Options::Apparel(ADULT),
                    ),
                    leaf(
                        "Skirts",
                        "Skirt",
                        "skirt",
                        (35, 89),
                        (200, 400),
                        Options::Apparel(ADULT),
                    ),
                ],
            },
            Sub {
                name: "Outerwear",
                leaves: &[
                    leaf(
                        "Jackets",
                        "Jacket",
                        "jacket",
                        (89, 249),
                        (600, 1200),
                        Options::Apparel(ADULT),
                    ),
                    leaf(
                        "Coats",
                        "Coat",
                        "jacket",
                        (129, 349),
                        (900, 1800),
                        Options::Apparel(ADULT),
                    ),
                ],
            },
        ],
    },
    Department {
        name: "Men",
        tagline: "Well-made basics and outerwear for every season.",
        brands: &["Northwind", "Hale & Co", "Ridgeline", "Foundry"],
        adjectives: &[
            "Classic",
            "Heavyweight",
            "Regular-Fit",
            "Essential",
            "Vintage",
            "Slim-Fit",
            "Utility",
            "Everyday",
        ],
        materials: &[
            "Organic Cotton",
            "Oxford",
            "Flannel",
            "Merino",
            "Canvas",
            "Denim",
        ],
        subs: &[
            Sub {
                name: "Tops",
                leaves: &[
                    leaf(
                        "T-Shirts",
                        "T-Shirt",
                        "tshirt",
                        (15, 39),
                        (170, 240),
                        Options::Apparel(ADULT),
                    ),
                    leaf(
                        "Shirts",
                        "Shirt",
                        "shirt",
                        (35, 89),
                        (200, 300),
                        Options::Apparel(ADULT),
                    ),
                ],
            },
            Sub {
                name: "Bottoms",
                leaves: &[
                    leaf(
                        "Jeans",
                        "Jeans",
                        "trousers",
                        (49, 129),
                        (500, 800),
                        Options::Apparel(ADULT),
                    ),
                    leaf(
                        "Chinos",
                        "Chinos",
                        "trousers",
                        (45, 99),
                        (400, 600),
                        Options::Apparel(ADULT),
                    ),
                ],
            },
            Sub {
                name: "Outerwear",
                leaves: &[
                    leaf(
                        "Jackets",
                        "Jacket",
                        "jacket",
                        (89, 279),
                        (700, 1400),
                        Options::Apparel(ADULT),
                    ),
                    leaf(
                        "Hoodies",
                        "Hoodie",
                        "hoodie",
                        (45, 99),
                        (500, 800),
                        Options::Apparel(ADULT),
                    ),
                ],
            },
        ],
    },
    Department {
        name: "Kids",
        tagline: "Hard-wearing clothes that keep up with them.",
        brands: &["Little Fern", "Puddle", "Acorn Kids"],
        adjectives: &[
            "Playful",
            "Cosy",
            "Striped",
            "Everyday",
            "Rainbow",
            "Adventure",
        ],
        materials: &["Organic Cotton", "Fleece", "Jersey", "Terry"],
        subs: &[
            Sub {
                name: "Girls",
                leaves: &[
                    leaf(
                        "Dresses",
                        "Dress",
                        "dress",
                        (19, 49),
                        (120, 250),
                        Options::Apparel(KIDS),
                    ),
                    leaf(
                        "Girls' T-Shirts",
                        "T-Shirt",
                        "tshirt",
                        (9, 24),
                        (80, 140),
                        Options::Apparel(KIDS),
                    ),
                ],
            },
            Sub {
                name: "Boys",
                leaves: &[
                    leaf(
                        "Boys' T-Shirts",
                        "T-Shirt",
                        "tshirt",
                        (9, 24),
                        (80, 140),
                        Options::Apparel(KIDS),
                    ),
                    leaf(
                        "Shorts",
                        "Shorts",
                        "shorts",
                        (12, 29),
                        (100, 200),
                        Options::Apparel(KIDS),
                    ),
                ],
            },
            Sub {
                name: "Baby",
                leaves: &[
                    leaf(
                        "Bodysuits",
                        "Bodysuit",
                        "bodysuit",
                        (9, 22),
                        (60, 120),
                        Options::Apparel(BABY),
                    ),
                    leaf(
                        "Sleepsuits",
                        "Sleepsuit",
                        "bodysuit",
                        (12, 29),
                        (90, 160),
                        Options::Apparel(BABY),
                    ),
                ],
            },
        ],
    },
    Department {
        name: "Home & Living",
        tagline: "Things for the kitchen, the bedroom and the shelf.",
        brands: &["Hearth", "Kiln & Co", "Loom House", "Stillwater"],
        adjectives: &[
            "Handmade",
            "Minimal",
            "Speckled",
            "Nordic",
            "Rustic",
            "Modern",
            "Stoneware",
        ],
        materials: &[
            "Ceramic",
            "Cast Iron",
            "Linen",
            "Cotton Percale",
            "Glass",
            "Soy Wax",
        ],
        subs: &[
            Sub {
                name: "Kitchen",
                leaves: &[
                    leaf(
                        "Cookware",
                        "Casserole Pot",
                        "pot",
                        (39, 229),
                        (1500, 5000),
                        Options::One("Size", &["20 cm", "24 cm", "28 cm"]),
                    ),
                    leaf("Mugs", "Mug", "mug", (8, 24), (250, 400), Options::Colour),
                ],
            },
            Sub {
                name: "Bedding",
                leaves: &[
                    leaf(
                        "Duvet Covers",
                        "Duvet Cover",
                        "duvet",
                        (49, 149),
                        (900, 1600),
                        Options::One("Size", &["Single", "Double", "King", "Super King"]),
                    ),
                    leaf(
                        "Pillows",
                        "Pillow",
                        "pillow",
                        (19, 59),
                        (500, 900),
                        Options::One("Firmness", &["Soft", "Medium", "Firm"]),
                    ),
                ],
            },
            Sub {
                name: "Decor",
                leaves: &[
                    leaf(
                        "Vases",
                        "Vase",
                        "vase",
                        (19, 89),
                        (400, 1500),
                        Options::Colour,
                    ),
                    leaf(
                        "Candles",
                        "Candle",
                        "candle",
                        (12, 39),
                        (200, 500),
                        Options::One("Scent", &["Fig", "Cedar", "Sea Salt", "Amber"]),
                    ),
                ],
            },
        ],
    },
    Department {
        name: "Outdoor",
        tagline: "Gear for trails, campsites and the ride home.",
        brands: &["Ridgeline", "Summit Supply", "Trailhead", "Cadence"],
        adjectives: &[
            "Ultralight",
            "Expedition",
            "Trail",
            "Alpine",
            "All-Weather",
            "Packable",
        ],
        materials: &[
            "Ripstop",
            "Recycled Nylon",
            "Gore-Tex",
            "Aluminium",
            "Stainless Steel",
        ],
        subs: &[
            Sub {
                name: "Camping",
                leaves: &[
                    leaf(
                        "Tents",
                        "Tent",
                        "tent",
                        (129, 649),
                        (1200, 4500),
                        Options::One(
                            "Capacity",
                            &["1 Person", "2 Person", "3 Person", "4 Person"],
                        ),
                    ),
                    leaf(
                        "Sleeping Bags",
                        "Sleeping Bag",
                        "bag",
                        (59, 329),
                        (700, 2000),
                        Options::One("Rating", &["Summer", "3 Season", "Winter"]),
                    ),
                ],
            },
            Sub {
                name: "Hiking",
                leaves: &[
                    leaf(
                        "Backpacks",
                        "Backpack",
                        "bag",
                        (49, 259),
                        (600, 2200),
                        Options::One("Capacity", &["20 L", "30 L", "45 L", "65 L"]),
                    ),
                    leaf(
                        "Hiking Boots",
                        "Hiking Boot",
                        "boot",
                        (89, 249),
                        (900, 1600),
                        Options::Shoes,
                    ),
                ],
            },
            Sub {
                name: "Cycling",
                leaves: &[
                    leaf(
                        "Helmets",
                        "Helmet",
                        "helmet",
                        (39, 199),
                        (250, 450),
                        Options::One("Size", &["S", "M", "L"]),
                    ),
                    leaf(
                        "Water Bottles",
                        "Water Bottle",
                        "bottle",
                        (9, 39),
                        (120, 400),
                        Options::Colour,
                    ),
                ],
            },
        ],
    },
];

pub const COLOURS: &[(&str, &str)] = &[
    ("Black", "#1f2937"),
    ("White", "#f3f4f6"),
    ("Navy", "#1e3a8a"),
    ("Red", "#b91c1c"),
    ("Green", "#15803d"),
    ("Grey", "#6b7280"),
    ("Sand", "#d6c6a8"),
    ("Blue", "#2563eb"),
    ("Pink", "#db2777"),
    ("Mustard", "#ca8a04"),
    ("Olive", "#4d7c0f"),
    ("Burgundy", "#7f1d1d"),
];

pub const SHOE_SIZES: &[&str] = &["38", "39", "40", "41", "42", "43", "44", "45", "46"];

pub const STYLE_WORDS: &[&str] = &[
    "Harbor", "Meadow", "Summit", "Coast", "Fjord", "Canyon", "Orchard", "Willow", "Granite",
    "Ember", "Tide", "Aspen", "Cedar", "Juniper", "Lark", "Moss", "Pebble", "Quarry", "Rowan",
    "Solstice",
];

/// Each product noun in German and French, for the demo shop's
/// translations (machine quality; the style, cut and material words stay
/// as they are, like a collection name).
pub const NOUNS_IN: &[(&str, &str, &str)] = &[
    ("Backpack", "Rucksack", "Sac à dos"),
    ("Bodysuit", "Body", "Body"),
    ("Candle", "Kerze", "Bougie"),
    ("Casserole Pot", "Schmortopf", "Cocotte"),
    ("Chinos", "Chinohose", "Chino"),
    ("Coat", "Mantel", "Manteau"),
    ("Dress", "Kleid", "Robe"),
    ("Duvet Cover", "Bettbezug", "Housse de couette"),
    ("Helmet", "Helm", "Casque"),
    ("Hiking Boot", "Wanderstiefel", "Chaussure de randonnée"),
    ("Hoodie", "Kapuzenpullover", "Sweat à capuche"),
    ("Jacket", "Jacke", "Veste"),
    ("Jeans", "Jeans", "Jean"),
    ("Mug", "Becher", "Mug"),
    ("Pillow", "Kissen", "Oreiller"),
    ("Shirt", "Hemd", "Chemise"),
    ("Shorts", "Shorts", "Short"),
    ("Skirt", "Rock", "Jupe"),
    ("Sleeping Bag", "Schlafsack", "Sac de couchage"),
    ("Sleepsuit", "Strampler", "Grenouillère"),
    ("T-Shirt", "T-Shirt", "T-shirt"),
    ("Tent", "Zelt", "Tente"),
    ("Vase", "Vase", "Vase"),
    ("Water Bottle", "Trinkflasche", "Gourde"),
];

/// Each category name and department tagline in German and French, for
/// the demo shop's category translations (machine quality).
pub const CATEGORY_WORDS_IN: &[(&str, &str, &str)] = &[
    ("Women", "Damen", "Femme"),
    ("Men", "Herren", "Homme"),
    ("Kids", "Kinder", "Enfant"),
    ("Home & Living", "Wohnen", "Maison"),
    ("Outdoor", "Outdoor", "Plein air"),
    ("Tops", "Oberteile", "Hauts"),
    ("Bottoms", "Hosen & Röcke", "Bas"),
    ("Outerwear", "Jacken & Mäntel", "Vêtements d'extérieur"),
    ("Girls", "Mädchen", "Fille"),
    ("Boys", "Jungen", "Garçon"),
    ("Baby", "Baby", "Bébé"),
    ("Kitchen", "Küche", "Cuisine"),
    ("Bedding", "Bettwäsche", "Linge de lit"),
    ("Decor", "Deko", "Déco"),
    ("Camping", "Camping", "Camping"),
    ("Hiking", "Wandern", "Randonnée"),
    ("Cycling", "Radfahren", "Vélo"),
    ("T-Shirts", "T-Shirts", "T-shirts"),
    (
        "Shirts & Blouses",
        "Hemden & Blusen",
        "Chemises et chemisiers",
    ),
    ("Jeans", "Jeans", "Jeans"),
    ("Skirts", "Röcke", "Jupes"),
    ("Jackets", "Jacken", "Vestes"),
    ("Coats", "Mäntel", "Manteaux"),
    ("Shirts", "Hemden", "Chemises"),
    ("Chinos", "Chinohosen", "Chinos"),
    ("Hoodies", "Kapuzenpullover", "Sweats à capuche"),
    ("Dresses", "Kleider", "Robes"),
    ("Girls' T-Shirts", "Mädchen-T-Shirts", "T-shirts fille"),
    ("Boys' T-Shirts", "Jungen-T-Shirts", "T-shirts garçon"),
    ("Shorts", "Shorts", "Shorts"),
    ("Bodysuits", "Bodys", "Bodies"),
    ("Sleepsuits", "Strampler", "Grenouillères"),
    ("Cookware", "Kochgeschirr", "Ustensiles de cuisson"),
    ("Mugs", "Becher", "Mugs"),
    ("Duvet Covers", "Bettbezüge", "Housses de couette"),
    ("Pillows", "Kissen", "Oreillers"),
    ("Vases", "Vasen", "Vases"),
    ("Candles", "Kerzen", "Bougies"),
    ("Tents", "Zelte", "Tentes"),
    ("Sleeping Bags", "Schlafsäcke", "Sacs de couchage"),
    ("Backpacks", "Rucksäcke", "Sacs à dos"),
    ("Hiking Boots", "Wanderstiefel", "Chaussures de randonnée"),
    ("Helmets", "Helme", "Casques"),
    ("Water Bottles", "Trinkflaschen", "Gourdes"),
    (
        "Everyday wardrobe staples and statement pieces.",
        "Basics für jeden Tag und Stücke mit Wirkung.",
        "Les essentiels du quotidien et des pièces fortes.",
    ),
    (
        "Well-made basics and outerwear for every season.",
        "Gut gemachte Basics und Jacken für jede Jahreszeit.",
        "Des basiques bien faits et des vestes pour chaque saison.",
    ),
    (
        "Hard-wearing clothes that keep up with them.",
        "Robuste Kleidung, die mithält.",
        "Des vêtements solides qui suivent le rythme.",
    ),
    (
        "Things for the kitchen, the bedroom and the shelf.",
        "Für Küche, Schlafzimmer und Regal.",
        "Pour la cuisine, la chambre et l'étagère.",
    ),
    (
        "Gear for trails, campsites and the ride home.",
        "Ausrüstung für Pfade, Zeltplätze und den Heimweg.",
        "De l'équipement pour les sentiers, le camping et le retour.",
    ),
];

/// The demo's option and attribute words in German and French, for the
/// shop's glossary (machine quality).
pub const CATALOG_WORDS_IN: &[(&str, &str, &str)] = &[
    ("Size", "Größe", "Taille"),
    ("Colour", "Farbe", "Couleur"),
    ("Firmness", "Festigkeit", "Fermeté"),
    ("Scent", "Duft", "Parfum"),
    ("Rating", "Jahreszeit", "Saison"),
    ("Capacity", "Volumen", "Contenance"),
    ("Material", "Material", "Matière"),
    ("Weight", "Gewicht", "Poids"),
    ("Black", "Schwarz", "Noir"),
    ("White", "Weiß", "Blanc"),
    ("Navy", "Marineblau", "Bleu marine"),
    ("Red", "Rot", "Rouge"),
    ("Green", "Grün", "Vert"),
    ("Grey", "Grau", "Gris"),
    ("Sand", "Sand", "Sable"),
    ("Blue", "Blau", "Bleu"),
    ("Pink", "Rosa", "Rose"),
    ("Mustard", "Senfgelb", "Moutarde"),
    ("Olive", "Oliv", "Olive"),
    ("Burgundy", "Bordeaux", "Bordeaux"),
    ("Single", "Einzelbett", "Une place"),
    ("Double", "Doppelbett", "Deux places"),
    ("King", "King-Size", "King size"),
    ("Super King", "Super-King-Size", "Super king size"),
    ("Soft", "Weich", "Souple"),
    ("Medium", "Mittel", "Moyen"),
    ("Firm", "Fest", "Ferme"),
    ("Fig", "Feige", "Figue"),
    ("Cedar", "Zeder", "Cèdre"),
    ("Sea Salt", "Meersalz", "Sel marin"),
    ("Amber", "Bernstein", "Ambre"),
    ("Summer", "Sommer", "Été"),
    ("3 Season", "3 Jahreszeiten", "3 saisons"),
    ("Winter", "Winter", "Hiver"),
    ("Aluminium", "Aluminium", "Aluminium"),
    ("Canvas", "Segeltuch", "Toile"),
    ("Cast Iron", "Gusseisen", "Fonte"),
    ("Ceramic", "Keramik", "Céramique"),
    ("Cotton Percale", "Baumwollperkal", "Percale de coton"),
    ("Denim", "Denim", "Denim"),
    ("Flannel", "Flanell", "Flanelle"),
    ("Fleece", "Fleece", "Polaire"),
    ("Glass", "Glas", "Verre"),
    ("Jersey", "Jersey", "Jersey"),
    ("Linen", "Leinen", "Lin"),
    ("Merino", "Merinowolle", "Mérinos"),
    ("Organic Cotton", "Bio-Baumwolle", "Coton bio"),
    ("Recycled", "Recycelt", "Recyclé"),
    ("Recycled Nylon", "Recyceltes Nylon", "Nylon recyclé"),
    ("Ripstop", "Ripstop", "Ripstop"),
    ("Soy Wax", "Sojawachs", "Cire de soja"),
    ("Stainless Steel", "Edelstahl", "Acier inoxydable"),
    ("Terry", "Frottee", "Éponge"),
];
