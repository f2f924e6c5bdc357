//! Writes a [`DemoPlan`] in one transaction with batched inserts. Ids are
//! assigned here (the database is empty), so no row has to be read back.
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait,
    TransactionTrait,
};
use time::{Duration, OffsetDateTime};

use super::catalog_data::CATALOG_WORDS_IN;
use super::plan::{DemoPlan, WAREHOUSES};
use super::svg::SIZE;
use crate::entities::{
    attribute, catalog_word, category, category_translation, product, product_attribute,
    product_image, product_option, product_option_value, product_translation, stock_level, variant,
    variant_option_value, warehouse,
};

const BATCH: usize = 400;

async fn insert_batched<E, C>(db: &C, rows: Vec<E::ActiveModel>) -> Result<(), sea_orm::DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<E::ActiveModel> = rows.by_ref().take(BATCH).collect();
        E::insert_many(batch).exec_without_returning(db).await?;
    }
    Ok(())
}

pub async fn insert(
    db: &DatabaseConnection,
    plan: &DemoPlan,
    currency: crate::Currency,
) -> crate::Result<()> {
    let now = OffsetDateTime::now_utc();
    let txn = db.begin().await?;

    let warehouses: Vec<warehouse::ActiveModel> = WAREHOUSES
        .iter()
        .enumerate()
        .map(|(i, (code, name))| warehouse::ActiveModel {
            id: Set(i as i32 + 1),
            code: Set((*code).to_owned()),
            name: Set((*name).to_owned()),
            created_at: Set(now),
        })
        .collect();
    insert_batched::<warehouse::Entity, _>(&txn, warehouses).await?;

    let categories: Vec<category::ActiveModel> = plan
        .categories
        .iter()
        .map(|c| category::ActiveModel {
            id: Set(c.id),
            parent_id: Set(c.parent_id),
            slug: Set(c.slug.clone()),
            name: Set(c.name.clone()),
            description: Set(c.description.clone()),
            position: Set(c.position),
            created_at: Set(now),
        })
        .collect();
    insert_batched::<category::Entity, _>(&txn, categories).await?;
    let category_texts: Vec<category_translation::ActiveModel> = plan
        .categories
        .iter()
        .flat_map(|c| {
            c.translations.iter().map(|(locale, name, description)| {
                category_translation::ActiveModel {
                    category_id: Set(c.id),
                    locale: Set(locale.code().to_owned()),
                    name: Set(name.clone()),
                    description: Set(description.clone()),
                }
            })
        })
        .collect();
    insert_batched::<category_translation::Entity, _>(&txn, category_texts).await?;
    let words: Vec<catalog_word::ActiveModel> = CATALOG_WORDS_IN
        .iter()
        .flat_map(|(word, de, fr)| {
            [(model::Locale::De, de), (model::Locale::Fr, fr)]
                .into_iter()
                .filter(move |(_, t)| *t != word)
                .map(move |(locale, t)| catalog_word::ActiveModel {
                    word: Set((*word).to_owned()),
                    locale: Set(locale.code().to_owned()),
                    translation: Set((*t).to_owned()),
                })
        })
        .collect();
    insert_batched::<catalog_word::Entity, _>(&txn, words).await?;
    let attributes: Vec<attribute::ActiveModel> = plan
        .attributes
        .iter()
        .enumerate()
        .map(|(i, a)| attribute::ActiveModel {
            id: Set(a.id),
            category_id: Set(a.category_id),
            code: Set(a.code.clone()),
            name: Set(a.name.to_owned()),
            kind: Set(a.kind.as_str().to_owned()),
            unit: Set(a.unit.to_owned()),
            choices: Set(serde_json::to_string(
                &a.choices
                    .iter()
                    .map(|value| model::attributes::Choice {
                        value: value.clone(),
                        swatch: None,
                    })
                    .collect::<Vec<_>>(),
            )
            .unwrap_or_else(|_| "[]".to_owned())),
            filterable: Set(a.filterable),
            position: Set(i as i32),
            created_at: Set(now),
        })
        .collect();
    insert_batched::<attribute::Entity, _>(&txn, attributes).await?;

    let mut products = Vec::new();
    let mut options = Vec::new();
    let mut values = Vec::new();
    let mut images = Vec::new();
    let mut variants = Vec::new();
    let mut links = Vec::new();
    let mut stock = Vec::new();
    let mut attribute_values = Vec::new();
    let mut translations = Vec::new();
    let (mut option_id, mut value_id, mut image_id, mut variant_id) = (0, 0, 0, 0);

    for (pi, p) in plan.products.iter().enumerate() {
        let product_id = pi as i32 + 1;
        let created = now - Duration::minutes(p.age_minutes);
        let min = p.variants.iter().map(|v| v.price_minor).min().unwrap_or(0);
        let max = p.variants.iter().map(|v| v.price_minor).max().unwrap_or(0);
        products.push(product::ActiveModel {
            id: Set(product_id),
            slug: Set(p.slug.clone()),
            title: Set(p.title.clone()),
            description: Set(p.description.clone()),
            brand: Set(p.brand.clone()),
            status: Set(crate::catalog::ProductStatus::Active.as_str().to_owned()),
            category_id: Set(p.category_id),
            seo_title: Set(Some(format!("{} | {}", p.title, p.brand))),
            seo_description: Set(Some(
                p.description
                    .chars()
                    .take(155)
                    .collect::<String>()
                    .trim_end()
                    .to_owned(),
            )),
            price_min_minor: Set(min),
            price_max_minor: Set(max),
            currency: Set(currency.code().to_owned()),
            featured: Set(p.featured),
            low_stock_threshold: Set(model::product_form::DEFAULT_LOW_STOCK),
            review_count: Set(0),
            rating_sum: Set(0),
            created_at: Set(created),
            updated_at: Set(created),
        });

        for (locale, title, description) in &p.translations {
            translations.push(product_translation::ActiveModel {
                product_id: Set(product_id),
                locale: Set(locale.code().to_owned()),
                title: Set(title.clone()),
                description: Set(description.clone()),
                updated_at: Set(created),
            });
        }
        for (attribute_id, value) in &p.attributes {
            attribute_values.push(product_attribute::ActiveModel {
                product_id: Set(product_id),
                attribute_id: Set(*attribute_id),
                value: Set(value.clone()),
                position: Set(0),
            });
        }

        let first_image = image_id + 1;
        for (ii, img) in p.images.iter().enumerate() {
            image_id += 1;
            images.push(product_image::ActiveModel {
                id: Set(image_id),
                product_id: Set(product_id),
                url: Set(format!("/uploads/demo/{}", img.file)),
                alt: Set(img.alt.clone()),
                position: Set(ii as i32),
                width: Set(SIZE),
                height: Set(SIZE),
            });
        }

        let mut value_ids: Vec<Vec<i32>> = Vec::new();
        for (oi, (name, vals)) in p.options.iter().enumerate() {
            option_id += 1;
            options.push(product_option::ActiveModel {
                id: Set(option_id),
                product_id: Set(product_id),
                name: Set(name.clone()),
                position: Set(oi as i32),
            });
            let mut ids = Vec::new();
            for (vi, val) in vals.iter().enumerate() {
                value_id += 1;
                ids.push(value_id);
                values.push(product_option_value::ActiveModel {
                    id: Set(value_id),
                    option_id: Set(option_id),
                    value: Set(val.clone()),
                    position: Set(vi as i32),
                });
            }
            value_ids.push(ids);
        }

        for (vi, v) in p.variants.iter().enumerate() {
            variant_id += 1;
            variants.push(variant::ActiveModel {
                id: Set(variant_id),
                product_id: Set(product_id),
                sku: Set(v.sku.clone()),
                title: Set(v.title.clone()),
                price_minor: Set(v.price_minor),
                compare_at_minor: Set(v.compare_at_minor),
                currency: Set(currency.code().to_owned()),
                weight_grams: Set(v.grams),
                image_id: Set(v.image.map(|i| first_image + i as i32)),
                position: Set(vi as i32),
                created_at: Set(created),
            });
            for (oi, &val) in v.values.iter().enumerate() {
                links.push(variant_option_value::ActiveModel {
                    variant_id: Set(variant_id),
                    option_value_id: Set(value_ids[oi][val]),
                });
            }
            for (wi, &on_hand) in v.stock.iter().enumerate() {
                stock.push(stock_level::ActiveModel {
                    variant_id: Set(variant_id),
                    warehouse_id: Set(wi as i32 + 1),
                    on_hand: Set(on_hand),
                    reserved: Set(0),
                });
            }
        }
    }

    insert_batched::<product::Entity, _>(&txn, products).await?;
    insert_batched::<product_image::Entity, _>(&txn, images).await?;
    insert_batched::<product_option::Entity, _>(&txn, options).await?;
    insert_batched::<product_option_value::Entity, _>(&txn, values).await?;
    insert_batched::<variant::Entity, _>(&txn, variants).await?;
    insert_batched::<variant_option_value::Entity, _>(&txn, links).await?;
    insert_batched::<stock_level::Entity, _>(&txn, stock).await?;
    insert_batched::<product_attribute::Entity, _>(&txn, attribute_values).await?;
    insert_batched::<product_translation::Entity, _>(&txn, translations).await?;

    if txn.get_database_backend() == DatabaseBackend::Postgres {
        // Explicit ids do not advance PostgreSQL sequences; move them past
        // the seeded rows so later inserts get fresh ids.
        for table in [
            "warehouses",
            "categories",
            "attributes",
            "products",
            "product_images",
            "product_options",
            "product_option_values",
            "variants",
        ] {
            txn.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 1))"
            ))
            .await?;
        }
    }
    txn.commit().await?;
    Ok(())
}
