//! Products and variants as CSV: one row per variant, the product's fields
//! repeated on each of its rows, stock as one `stock:<warehouse>` column per
//! warehouse. Export writes in batches so a caller can stream it; import
//! checks every row before it writes anything, then applies the whole file
//! in one transaction.
use std::collections::{HashMap, HashSet};

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::Serialize;

use super::draft::{OptionDraft, ProductDraft, VariantDraft, MAX_OPTIONS};
use super::draft_load;
use super::editor::{apply, clashes, Change, KnownSets, StockSeen};
use super::Catalog;
use crate::accounts::{Actor, Permission};
use crate::blocking::Work;
use crate::entities::{product, warehouse};
use crate::inventory::Reason;
use crate::money::{Currency, Money};
use crate::{Error, Result};
use model::product_form::DEFAULT_LOW_STOCK;

const PRODUCT_COLUMNS: [&str; 10] = [
    "slug",
    "title",
    "brand",
    "category",
    "status",
    "featured",
    "low_stock",
    "description",
    "seo_title",
    "seo_description",
];
const VARIANT_COLUMNS: [&str; 4] = ["sku", "price", "compare_at_price", "weight_grams"];
const STOCK_PREFIX: &str = "stock:";
/// A column per attribute code; a multi-choice's values are split by `|`.
const ATTRIBUTE_PREFIX: &str = "attr:";
const VALUE_SEPARATOR: char = '|';

/// The columns that depend on the shop: its warehouses and attribute codes.
#[derive(Clone, Default)]
struct Layout {
    warehouses: Vec<String>,
    attributes: Vec<String>,
}

impl Layout {
    /// These warehouse codes, and the tree's attribute codes.
    fn new(warehouses: Vec<String>, tree: &super::CategoryTree) -> Self {
        Self {
            warehouses,
            attributes: tree
                .attributes()
                .iter()
                .map(|a| a.def.code.clone())
                .collect(),
        }
    }
}
/// Products per export batch.
pub const EXPORT_BATCH: u64 = 200;
/// Largest file the import accepts.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// Each product is checked against the shop with its own queries, so the
/// count bounds an import's work as much as its size does.
pub const MAX_IMPORT_PRODUCTS: usize = 10_000;

/// One problem in an import file. Row 1 is the header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub row: usize,
    pub message: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportOutcome {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// A file that passed every check, ready to apply.
#[derive(Debug)]
pub struct ImportPlan {
    products: Vec<ProductDraft>,
}

impl ImportPlan {
    pub fn len(&self) -> usize {
        self.products.len()
    }

    pub fn is_empty(&self) -> bool {
        self.products.is_empty()
    }
}

fn header(layout: &Layout) -> Vec<String> {
    let mut h: Vec<String> = PRODUCT_COLUMNS.iter().map(|s| (*s).to_owned()).collect();
    for i in 1..=MAX_OPTIONS {
        h.push(format!("option{i}_name"));
        h.push(format!("option{i}_value"));
    }
    h.extend(VARIANT_COLUMNS.iter().map(|s| (*s).to_owned()));
    h.extend(
        layout
            .warehouses
            .iter()
            .map(|w| format!("{STOCK_PREFIX}{w}")),
    );
    h.extend(
        layout
            .attributes
            .iter()
            .map(|a| format!("{ATTRIBUTE_PREFIX}{a}")),
    );
    h
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn formula_like(s: &str) -> bool {
    s.starts_with(FORMULA_START)
}

/// A text cell as exported: one `'` in front of anything a spreadsheet
/// would run as a formula (`=HYPERLINK(…)` in a product title), and in front
/// of a value that already looks escaped, so [`uncell`] restores it exactly.
fn cell(s: &str) -> String {
    let escaped = s.strip_prefix('\'').is_some_and(formula_like);
    if formula_like(s) || escaped {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// Undoes [`cell`] on import.
fn uncell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if formula_like(rest) || rest.strip_prefix('\'').is_some_and(formula_like) => {
            rest
        }
        _ => s,
    }
}

fn write_rows(
    out: &mut csv::Writer<Vec<u8>>,
    draft: &ProductDraft,
    layout: &Layout,
    currency: Currency,
) -> Result<()> {
    for v in &draft.variants {
        let mut row: Vec<String> = vec![
            cell(&draft.slug),
            cell(&draft.title),
            cell(&draft.brand),
            cell(&draft.category),
            cell(&draft.status),
            draft.featured.to_string(),
            draft.low_stock_threshold.to_string(),
            cell(&draft.description),
            cell(&draft.seo_title),
            cell(&draft.seo_description),
        ];
        for i in 0..MAX_OPTIONS {
            row.push(cell(draft.options.get(i).map_or("", |o| o.name.as_str())));
            row.push(cell(v.values.get(i).map_or("", String::as_str)));
        }
        row.push(cell(&v.sku));
        row.push(Money::new(v.price_minor, currency).decimal_string());
        row.push(
            v.compare_at_minor
                .map(|c| Money::new(c, currency).decimal_string())
                .unwrap_or_default(),
        );
        row.push(v.weight_grams.to_string());
        for w in &layout.warehouses {
            let units = v
                .stock
                .iter()
                .find(|(code, _)| code == w)
                .map_or(0, |(_, n)| *n);
            row.push(units.to_string());
        }
        for code in &layout.attributes {
            let values = draft.attributes.get(code).map(|v| v.join("|"));
            row.push(cell(values.as_deref().unwrap_or("")));
        }
        out.write_record(&row).map_err(Error::internal)?;
    }
    Ok(())
}

/// Streams the catalog as CSV: call [`CsvExport::next_chunk`] until `None`.
pub struct CsvExport {
    db: DatabaseConnection,
    currency: Currency,
    layout: Layout,
    after_id: i32,
    started: bool,
}

impl CsvExport {
    pub async fn next_chunk(&mut self) -> Result<Option<Vec<u8>>> {
        let mut out = csv::WriterBuilder::new().from_writer(Vec::new());
        if !self.started {
            self.started = true;
            out.write_record(header(&self.layout))
                .map_err(Error::internal)?;
        }
        let ids: Vec<i32> = product::Entity::find()
            .select_only()
            .column(product::Column::Id)
            .filter(product::Column::Id.gt(self.after_id))
            .order_by_asc(product::Column::Id)
            .limit(EXPORT_BATCH)
            .into_tuple()
            .all(&self.db)
            .await?;
        let Some(last) = ids.last().copied() else {
            let bytes = out.into_inner().map_err(Error::internal)?;
            return Ok((!bytes.is_empty()).then_some(bytes));
        };
        self.after_id = last;
        for stored in draft_load::load(&self.db, &ids).await? {
            write_rows(&mut out, &stored.draft, &self.layout, self.currency)?;
        }
        Ok(Some(out.into_inner().map_err(Error::internal)?))
    }
}

async fn warehouse_codes<C: ConnectionTrait>(conn: &C) -> Result<Vec<String>> {
    Ok(warehouse::Entity::find()
        .select_only()
        .column(warehouse::Column::Code)
        .order_by_asc(warehouse::Column::Code)
        .into_tuple()
        .all(conn)
        .await?)
}

/// Where each column of the file is.
struct Columns {
    index: HashMap<String, usize>,
    stock: Vec<(String, usize)>,
    attributes: Vec<(String, usize)>,
}

impl Columns {
    fn read(headers: &csv::StringRecord, layout: &Layout) -> std::result::Result<Self, String> {
        let known = header(&Layout::default());
        let mut index = HashMap::new();
        let mut stock = Vec::new();
        let mut attributes: Vec<(String, usize)> = Vec::new();
        for (i, name) in headers.iter().enumerate() {
            let name = name.trim().trim_start_matches('\u{feff}');
            if let Some(code) = name.strip_prefix(STOCK_PREFIX) {
                if !layout.warehouses.iter().any(|w| w == code) {
                    return Err(format!("There is no warehouse {code:?} (column {name:?})."));
                }
                stock.push((code.to_owned(), i));
            } else if let Some(code) = name.strip_prefix(ATTRIBUTE_PREFIX) {
                if !layout.attributes.iter().any(|a| a == code) {
                    return Err(format!("There is no attribute {code:?} (column {name:?})."));
                }
                if attributes.iter().any(|(a, _)| a == code) {
                    return Err(format!("The column {name:?} appears twice."));
                }
                attributes.push((code.to_owned(), i));
            } else if known.iter().any(|k| k == name) {
                if index.insert(name.to_owned(), i).is_some() {
                    return Err(format!("The column {name:?} appears twice."));
                }
            } else {
                return Err(format!("Unknown column {name:?}."));
            }
        }
        for required in ["title", "category", "sku", "price"] {
            if !index.contains_key(required) {
                return Err(format!("The file needs a {required:?} column."));
            }
        }
        Ok(Self {
            index,
            stock,
            attributes,
        })
    }

    fn get<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        self.index
            .get(name)
            .and_then(|i| record.get(*i))
            .map_or("", |v| uncell(v.trim()))
    }
}

/// One product gathered from its rows: the draft and the row of each variant.
struct Gathered {
    first_row: usize,
    draft: ProductDraft,
    rows: Vec<usize>,
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "0" => Some(false),
        "true" | "yes" | "1" => Some(true),
        _ => None,
    }
}

fn gather(
    bytes: &[u8],
    layout: &Layout,
    currency: Currency,
    errors: &mut Vec<RowError>,
) -> Vec<Gathered> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let columns = match reader.headers() {
        Ok(h) => match Columns::read(h, layout) {
            Ok(c) => c,
            Err(message) => {
                errors.push(RowError { row: 1, message });
                return Vec::new();
            }
        },
        Err(e) => {
            errors.push(RowError {
                row: 1,
                message: format!("This is not a CSV file we can read ({e})."),
            });
            return Vec::new();
        }
    };
    let mut products: Vec<Gathered> = Vec::new();
    let mut by_slug: HashMap<String, usize> = HashMap::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError {
                    row,
                    message: format!("This row can't be read ({e})."),
                });
                continue;
            }
        };
        let col = |name: &str| columns.get(&record, name).to_owned();
        let mut fail = |message: String| errors.push(RowError { row, message });
        let slug = match col("slug") {
            s if s.is_empty() => crate::seed::slugify(&col("title")),
            s => s,
        };
        if slug.is_empty() {
            fail("Give the product a title or a slug.".into());
            continue;
        }
        let featured = parse_bool(&col("featured")).unwrap_or_else(|| {
            fail("featured is true or false.".into());
            false
        });
        // Empty (or a file from before the column) means the default level.
        let low_stock_threshold = match col("low_stock") {
            s if s.is_empty() => DEFAULT_LOW_STOCK,
            s => s.parse::<i32>().unwrap_or_else(|_| {
                fail("low_stock is a whole number of units.".into());
                DEFAULT_LOW_STOCK
            }),
        };
        let fields = ProductDraft {
            slug: slug.clone(),
            title: col("title"),
            brand: col("brand"),
            category: col("category"),
            status: match col("status") {
                s if s.is_empty() => "draft".to_owned(),
                s => s,
            },
            featured,
            low_stock_threshold,
            description: col("description"),
            seo_title: col("seo_title"),
            seo_description: col("seo_description"),
            attributes: columns
                .attributes
                .iter()
                .filter_map(|(code, idx)| {
                    let raw = uncell(record.get(*idx).map_or("", str::trim));
                    let values: Vec<String> = raw
                        .split(VALUE_SEPARATOR)
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_owned)
                        .collect();
                    (!values.is_empty()).then(|| (code.clone(), values))
                })
                .collect(),
            ..Default::default()
        };
        let mut names = Vec::new();
        let mut values = Vec::new();
        for n in 1..=MAX_OPTIONS {
            let name = col(&format!("option{n}_name"));
            let value = col(&format!("option{n}_value"));
            if name.is_empty() && value.is_empty() {
                continue;
            }
            if name.is_empty() || value.is_empty() {
                fail(format!("option{n} needs both a name and a value."));
            }
            names.push(name);
            values.push(value);
        }
        let money = |name: &str, fail: &mut dyn FnMut(String)| -> Option<i64> {
            let raw = col(name);
            if raw.is_empty() {
                return None;
            }
            let parsed = Money::parse_major(&raw, currency);
            if parsed.is_none() {
                fail(format!("{name} {raw:?} is not an amount like 12.50."));
            }
            parsed
        };
        let price = money("price", &mut fail);
        if price.is_none() && col("price").is_empty() {
            fail("Every variant needs a price.".into());
        }
        let compare_at = money("compare_at_price", &mut fail);
        let weight = match col("weight_grams") {
            w if w.is_empty() => 0,
            w => w.parse::<i32>().unwrap_or_else(|_| {
                fail(format!("weight_grams {w:?} is not a whole number."));
                0
            }),
        };
        let mut stock = Vec::new();
        for (code, idx) in &columns.stock {
            let raw = record.get(*idx).map_or("", str::trim);
            let units = if raw.is_empty() {
                0
            } else {
                raw.parse::<i32>().unwrap_or_else(|_| {
                    fail(format!(
                        "{STOCK_PREFIX}{code} {raw:?} is not a whole number."
                    ));
                    0
                })
            };
            stock.push((code.clone(), units));
        }
        let variant = VariantDraft {
            sku: col("sku"),
            values,
            price_minor: price.unwrap_or(0),
            compare_at_minor: compare_at,
            weight_grams: weight,
            stock,
        };
        let at = *by_slug.entry(slug.clone()).or_insert_with(|| {
            products.push(Gathered {
                first_row: row,
                draft: ProductDraft {
                    options: names
                        .iter()
                        .map(|n| OptionDraft {
                            name: n.clone(),
                            values: Vec::new(),
                        })
                        .collect(),
                    ..fields.clone()
                },
                rows: Vec::new(),
            });
            products.len() - 1
        });
        let g = &mut products[at];
        if let Some(message) = disagreement(&g.draft, &fields, &names) {
            fail(format!(
                "{message} differs from row {} of the same product.",
                g.first_row
            ));
        }
        for (o, value) in g.draft.options.iter_mut().zip(&variant.values) {
            if !o.values.contains(value) {
                o.values.push(value.clone());
            }
        }
        g.draft.variants.push(variant);
        g.rows.push(row);
    }
    products
}

/// Which product-level field of a later row contradicts the first row.
fn disagreement(
    first: &ProductDraft,
    row: &ProductDraft,
    names: &[String],
) -> Option<&'static str> {
    let (first_low, row_low) = (
        first.low_stock_threshold.to_string(),
        row.low_stock_threshold.to_string(),
    );
    let pairs: [(&'static str, &str, &str); 9] = [
        ("title", &first.title, &row.title),
        ("brand", &first.brand, &row.brand),
        ("category", &first.category, &row.category),
        ("status", &first.status, &row.status),
        ("description", &first.description, &row.description),
        ("seo_title", &first.seo_title, &row.seo_title),
        (
            "seo_description",
            &first.seo_description,
            &row.seo_description,
        ),
        ("low_stock", &first_low, &row_low),
        (
            "featured",
            if first.featured { "1" } else { "0" },
            if row.featured { "1" } else { "0" },
        ),
    ];
    if let Some((name, _, _)) = pairs.iter().find(|(_, a, b)| a != b) {
        return Some(name);
    }
    if first.attributes != row.attributes {
        return Some("An attribute");
    }
    let first_names: Vec<&str> = first.options.iter().map(|o| o.name.as_str()).collect();
    (first_names != names.iter().map(String::as_str).collect::<Vec<_>>())
        .then_some("The option names")
}

impl Catalog {
    pub async fn export_csv(&self, actor: &Actor, currency: Currency) -> Result<CsvExport> {
        actor.require(Permission::Catalog)?;
        Ok(CsvExport {
            layout: Layout::new(warehouse_codes(&self.db).await?, &*self.tree().await?),
            db: self.db.clone(),
            currency,
            after_id: 0,
            started: false,
        })
    }

    /// Reads and checks a whole file without writing. Every problem found
    /// comes back with its row.
    pub async fn check_import(
        &self,
        actor: &Actor,
        currency: Currency,
        bytes: &[u8],
    ) -> Result<std::result::Result<ImportPlan, Vec<RowError>>> {
        actor.require(Permission::Catalog)?;
        if bytes.len() > MAX_IMPORT_BYTES {
            return Ok(Err(vec![RowError {
                row: 1,
                message: format!(
                    "The file is larger than {} MB.",
                    MAX_IMPORT_BYTES / 1024 / 1024
                ),
            }]));
        }
        let known = KnownSets::load(&self.db).await?;
        let mut warehouses: Vec<String> = known.warehouses.iter().cloned().collect();
        warehouses.sort();
        let layout = Layout::new(warehouses, &known.tree);
        let owned = bytes.to_vec();
        let (mut gathered, mut errors) = crate::blocking::run(Work::Csv, move || {
            let mut errors = Vec::new();
            let gathered = gather(&owned, &layout, currency, &mut errors);
            (gathered, errors)
        })
        .await?;
        if gathered.len() > MAX_IMPORT_PRODUCTS {
            return Ok(Err(vec![RowError {
                row: 1,
                message: format!(
                    "The file holds {} products; import at most {MAX_IMPORT_PRODUCTS} at a time.",
                    gathered.len()
                ),
            }]));
        }
        if gathered.is_empty() && errors.is_empty() {
            errors.push(RowError {
                row: 1,
                message: "The file has no product rows.".into(),
            });
        }
        let slugs: Vec<String> = gathered.iter().map(|g| g.draft.slug.clone()).collect();
        let ids = draft_load::ids_by_slug(&self.db, &slugs).await?;
        let mut skus: HashMap<String, usize> = HashMap::new();
        for g in &mut gathered {
            g.draft.normalise();
            let mut issues = known.check(&mut g.draft);
            if issues.is_empty() {
                issues = clashes(&self.db, &g.draft, ids.get(&g.draft.slug).copied()).await?;
            }
            for issue in issues {
                let row = issue
                    .variant
                    .and_then(|i| g.rows.get(i))
                    .copied()
                    .unwrap_or(g.first_row);
                errors.push(RowError {
                    row,
                    message: issue.message,
                });
            }
            for (v, row) in g.draft.variants.iter().zip(&g.rows) {
                if let Some(other) = skus.insert(v.sku.to_uppercase(), *row) {
                    if !g.rows.contains(&other) {
                        errors.push(RowError {
                            row: *row,
                            message: format!("The SKU {} is also on row {other}.", v.sku),
                        });
                    }
                }
            }
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.row);
            let mut seen = HashSet::new();
            errors.retain(|e| seen.insert((e.row, e.message.clone())));
            return Ok(Err(errors));
        }
        Ok(Ok(ImportPlan {
            products: gathered.into_iter().map(|g| g.draft).collect(),
        }))
    }

    /// Applies a checked file in one transaction. `progress(done, total)`
    /// is called after each product.
    pub async fn apply_import(
        &self,
        actor: &Actor,
        currency: Currency,
        plan: ImportPlan,
        progress: &(dyn Fn(usize, usize) + Send + Sync),
    ) -> Result<ImportOutcome> {
        actor.require(Permission::Catalog)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let known = KnownSets::load(&txn).await?;
        let slugs: Vec<String> = plan.products.iter().map(|p| p.slug.clone()).collect();
        let ids = draft_load::ids_by_slug(&txn, &slugs).await?;
        let seen = StockSeen::new();
        let change = Change {
            actor,
            currency,
            reason: Reason::Import,
            seen: &seen,
        };
        let total = plan.products.len();
        let mut outcome = ImportOutcome::default();
        for (n, chunk) in plan.products.chunks(EXPORT_BATCH as usize).enumerate() {
            let chunk_ids: Vec<i32> = chunk
                .iter()
                .filter_map(|d| ids.get(&d.slug).copied())
                .collect();
            let stored: HashMap<String, draft_load::Stored> = draft_load::load(&txn, &chunk_ids)
                .await?
                .into_iter()
                .map(|s| (s.row.slug.clone(), s))
                .collect();
            for (i, draft) in chunk.iter().enumerate() {
                let existing = stored.get(&draft.slug);
                match apply(&txn, &known, existing, draft, &change).await? {
                    None => outcome.unchanged += 1,
                    Some(_) if existing.is_some() => outcome.updated += 1,
                    Some(_) => outcome.created += 1,
                }
                progress(n * EXPORT_BATCH as usize + i + 1, total);
            }
        }
        txn.commit().await?;
        Ok(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::{cell, uncell};

    #[test]
    fn formulas_are_neutralised_and_restored_exactly() {
        for (value, exported) in [
            (
                "=HYPERLINK(\"http://evil.example\",\"Click\")",
                "'=HYPERLINK(\"http://evil.example\",\"Click\")",
            ),
            ("+1", "'+1"),
            ("-SKU-1", "'-SKU-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("'=already", "''=already"),
            ("'quoted", "'quoted"),
            ("Plain tee", "Plain tee"),
            ("", ""),
        ] {
            assert_eq!(cell(value), exported, "{value}");
            assert_eq!(uncell(&cell(value)), value, "round trip of {value}");
        }
    }
}
