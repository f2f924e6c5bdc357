//! The demo shop's past: customers who bought over the last three months,
//! their delivered orders and the reviews they left, so a new shop shows
//! ratings (and, from the same orders, what was bought together) at once.
//! Deterministic like the catalog. The customers have no password: nobody
//! signs in as them.
use std::collections::{BTreeMap, HashMap, HashSet};

use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use time::{Duration, OffsetDateTime};

use super::rng::Rng;
use crate::entities::{order, order_item, product, review, review_vote, user, variant};

const CUSTOMERS: usize = 40;
/// Products the demo customers buy from: the featured ones first, then
/// some of each category, so baskets mix related things.
const POOL: usize = 120;

const FIRST: &[&str] = &[
    "Ann", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira",
    "Liam", "Mara", "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tess",
];
const LAST: &[&str] = &[
    "Baker", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski",
];

/// (stars, title, text) per rating, picked at random.
const WORDS: &[(u8, &str, &str)] = &[
    (
        5,
        "Love it",
        "Exactly as pictured and the quality is excellent. Would buy again.",
    ),
    (
        5,
        "Perfect",
        "Great fit, lovely material, and it arrived quickly.",
    ),
    (
        5,
        "Better than expected",
        "I was unsure from the photos, but in person it is even nicer.",
    ),
    (
        4,
        "Very good",
        "Nice quality for the price. Runs slightly small, so size up.",
    ),
    (
        4,
        "Happy with it",
        "Does what it should. The colour is a touch darker than shown.",
    ),
    (
        3,
        "Okay",
        "Decent, but the finish could be better for this price.",
    ),
    (
        3,
        "Fine for everyday",
        "Nothing special, nothing wrong. Comfortable enough.",
    ),
    (
        2,
        "Not for me",
        "The fit was off and the fabric felt thinner than I hoped.",
    ),
    (
        1,
        "Disappointed",
        "It wore out after a few weeks. I expected more.",
    ),
];

/// What the seeding wrote.
pub struct History {
    pub orders: usize,
    pub reviews: usize,
}

fn rating(rng: &mut Rng) -> u8 {
    match rng.range(1, 100) {
        1..=45 => 5,
        46..=75 => 4,
        76..=87 => 3,
        88..=95 => 2,
        _ => 1,
    }
}

fn words(rng: &mut Rng, stars: u8) -> (&'static str, &'static str) {
    let fitting: Vec<&(u8, &str, &str)> = WORDS.iter().filter(|w| w.0 == stars).collect();
    let &&(_, title, body) = rng.pick(&fitting);
    (title, body)
}

struct Line {
    product_id: i32,
    variant: variant::Model,
}

/// The products customers buy from, each with its first variant.
async fn pool<C: ConnectionTrait>(conn: &C, rng: &mut Rng) -> crate::Result<Vec<(i32, Vec<Line>)>> {
    let products = product::Entity::find()
        .filter(product::Column::Status.eq("active"))
        .order_by_desc(product::Column::Featured)
        .order_by_asc(product::Column::Id)
        .all(conn)
        .await?;
    let featured: Vec<&product::Model> = products.iter().filter(|p| p.featured).collect();
    let rest: Vec<&product::Model> = products.iter().filter(|p| !p.featured).collect();
    let mut chosen: Vec<&product::Model> = featured;
    let more = POOL.saturating_sub(chosen.len());
    chosen.extend(rng.subset(&rest, more));
    let ids: Vec<i32> = chosen.iter().map(|p| p.id).collect();
    let variants = variant::Entity::find()
        .filter(variant::Column::ProductId.is_in(ids))
        .order_by_asc(variant::Column::Position)
        .all(conn)
        .await?;
    let mut by_category: BTreeMap<i32, Vec<Line>> = BTreeMap::new();
    let mut seen = HashSet::new();
    for v in variants {
        if !seen.insert(v.product_id) {
            continue;
        }
        if let Some(p) = chosen.iter().find(|p| p.id == v.product_id) {
            by_category.entry(p.category_id).or_default().push(Line {
                product_id: p.id,
                variant: v,
            });
        }
    }
    Ok(by_category.into_iter().collect())
}

struct Customer {
    email: String,
    name: String,
    joined: OffsetDateTime,
}

struct Planned<'a> {
    number: String,
    customer: usize,
    placed: OffsetDateTime,
    lines: Vec<&'a Line>,
}

struct Written {
    customer: usize,
    product_id: i32,
    stars: u8,
    title: &'static str,
    body: &'static str,
    at: OffsetDateTime,
    /// Other customers who found it helpful.
    voters: Vec<usize>,
}

/// Plans the whole past in memory, then writes it in a handful of batched
/// statements (it runs at every seeded start, tests included).
pub async fn insert(db: &DatabaseConnection, currency: crate::Currency) -> crate::Result<History> {
    let mut rng = Rng::new(0x05EE_D0F0_EDE5);
    let now = OffsetDateTime::now_utc();
    let txn = db.begin().await?;
    let pool = pool(&txn, &mut rng).await?;
    if pool.is_empty() {
        return Ok(History {
            orders: 0,
            reviews: 0,
        });
    }
    let customers: Vec<Customer> = (0..CUSTOMERS)
        .map(|i| {
            let (first, last) = (FIRST[i % FIRST.len()], LAST[(i / 2) % LAST.len()]);
            Customer {
                email: format!(
                    "{}.{}{i}@customers.example",
                    first.to_lowercase(),
                    last.to_lowercase()
                ),
                name: format!("{first} {last}"),
                joined: now - Duration::days(rng.range(100, 400)),
            }
        })
        .collect();

    let (mut planned, mut written) = (Vec::new(), Vec::new());
    let mut reviewed = HashSet::new();
    for ci in 0..customers.len() {
        for _ in 0..rng.range(1, 3) {
            // Most of a basket comes from one category, sometimes one more.
            let (_, lines) = rng.pick(&pool);
            let n = rng_len(&mut rng, lines.len());
            let mut basket: Vec<&Line> = rng
                .subset(&(0..lines.len()).collect::<Vec<_>>(), n)
                .into_iter()
                .map(|i| &lines[i])
                .collect();
            if rng.chance(40) {
                let (_, other) = rng.pick(&pool);
                basket.push(rng.pick(other));
            }
            basket.sort_by_key(|l| l.product_id);
            basket.dedup_by_key(|l| l.product_id);
            let placed =
                now - Duration::days(rng.range(5, 90)) - Duration::minutes(rng.range(0, 1_440));
            for l in &basket {
                if rng.chance(60) && reviewed.insert((ci, l.product_id)) {
                    let stars = rating(&mut rng);
                    let (title, body) = words(&mut rng, stars);
                    let n = usize::try_from(rng.range(0, 6)).unwrap_or(0);
                    let voters = rng
                        .subset(&(0..customers.len()).collect::<Vec<_>>(), n)
                        .into_iter()
                        .filter(|v| *v != ci)
                        .collect();
                    written.push(Written {
                        customer: ci,
                        product_id: l.product_id,
                        stars,
                        title,
                        body,
                        at: (placed + Duration::days(rng.range(4, 20))).min(now),
                        voters,
                    });
                }
            }
            planned.push(Planned {
                number: format!("DEMO-{:04}", planned.len() + 1),
                customer: ci,
                placed,
                lines: basket,
            });
        }
    }

    let user_ids = write_customers(&txn, &customers).await?;
    let order_ids = write_orders(&txn, &planned, &customers, &user_ids, currency).await?;
    let items: Vec<order_item::ActiveModel> = planned
        .iter()
        .zip(&order_ids)
        .flat_map(|(o, &order_id)| {
            o.lines.iter().map(move |l| order_item::ActiveModel {
                order_id: Set(order_id),
                variant_id: Set(Some(l.variant.id)),
                sku: Set(l.variant.sku.clone()),
                title: Set(l.variant.title.clone()),
                variant_title: Set(l.variant.title.clone()),
                unit_price_minor: Set(l.variant.price_minor),
                quantity: Set(1),
                line_total_minor: Set(l.variant.price_minor),
                ..Default::default()
            })
        })
        .collect();
    for chunk in items.chunks(BATCH) {
        order_item::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    write_reviews(&txn, &written, &user_ids).await?;
    let mut rated: Vec<i32> = written.iter().map(|w| w.product_id).collect();
    rated.sort_unstable();
    rated.dedup();
    crate::reviews::set_counts(&txn, &rated).await?;
    txn.commit().await?;
    Ok(History {
        orders: planned.len(),
        reviews: written.len(),
    })
}

/// Rows per insert statement.
const BATCH: usize = 200;

/// The customers' ids, in their order.
async fn write_customers<C: ConnectionTrait>(
    conn: &C,
    customers: &[Customer],
) -> crate::Result<Vec<i32>> {
    let rows: Vec<user::ActiveModel> = customers
        .iter()
        .map(|c| user::ActiveModel {
            public_id: Set(uuid::Uuid::new_v4().to_string()),
            email: Set(c.email.clone()),
            email_verified_at: Set(Some(c.joined)),
            password_hash: Set(String::new()),
            name: Set(c.name.clone()),
            phone: Set(String::new()),
            role: Set("customer".into()),
            permissions: Set(String::new()),
            marketing_opt_in: Set(false),
            created_at: Set(c.joined),
            updated_at: Set(c.joined),
            ..Default::default()
        })
        .collect();
    user::Entity::insert_many(rows)
        .exec_without_returning(conn)
        .await?;
    let ids: HashMap<String, i32> = user::Entity::find()
        .filter(user::Column::Email.is_in(customers.iter().map(|c| c.email.clone())))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.email, u.id))
        .collect();
    Ok(customers
        .iter()
        .map(|c| ids.get(&c.email).copied().unwrap_or_default())
        .collect())
}

/// The orders' ids, in their order.
async fn write_orders<C: ConnectionTrait>(
    conn: &C,
    planned: &[Planned<'_>],
    customers: &[Customer],
    user_ids: &[i32],
    currency: crate::Currency,
) -> crate::Result<Vec<i32>> {
    let rows: Vec<order::ActiveModel> = planned
        .iter()
        .map(|o| {
            let subtotal: i64 = o.lines.iter().map(|l| l.variant.price_minor).sum();
            order::ActiveModel {
                number: Set(o.number.clone()),
                public_id: Set(uuid::Uuid::new_v4().to_string()),
                user_id: Set(Some(user_ids[o.customer])),
                email: Set(customers[o.customer].email.clone()),
                status: Set("delivered".into()),
                currency: Set(currency.code().to_owned()),
                subtotal_minor: Set(subtotal),
                discount_minor: Set(0),
                shipping_minor: Set(0),
                tax_minor: Set(0),
                total_minor: Set(subtotal),
                refunded_minor: Set(0),
                prices_include_tax: Set(false),
                shipping_method: Set("standard".into()),
                shipping_address: Set("{}".into()),
                placed_at: Set(o.placed),
                paid_at: Set(Some(o.placed)),
                updated_at: Set(o.placed + Duration::days(3)),
                ..Default::default()
            }
        })
        .collect();
    for chunk in rows.chunks(BATCH) {
        order::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    let ids: HashMap<String, i32> = order::Entity::find()
        .filter(order::Column::Number.is_in(planned.iter().map(|o| o.number.clone())))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.number, o.id))
        .collect();
    Ok(planned
        .iter()
        .map(|o| ids.get(&o.number).copied().unwrap_or_default())
        .collect())
}

/// The reviews, published, each with its helpful votes.
async fn write_reviews<C: ConnectionTrait>(
    conn: &C,
    written: &[Written],
    user_ids: &[i32],
) -> crate::Result<()> {
    let rows: Vec<review::ActiveModel> = written
        .iter()
        .map(|w| review::ActiveModel {
            product_id: Set(w.product_id),
            user_id: Set(user_ids[w.customer]),
            rating: Set(i16::from(w.stars)),
            title: Set(w.title.to_owned()),
            body: Set(w.body.to_owned()),
            status: Set("published".into()),
            verified: Set(true),
            flagged: Set(false),
            helpful_count: Set(i32::try_from(w.voters.len()).unwrap_or(0)),
            report_count: Set(0),
            created_at: Set(w.at),
            updated_at: Set(w.at),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(BATCH) {
        review::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    let ids: HashMap<(i32, i32), i32> = review::Entity::find()
        .filter(review::Column::UserId.is_in(user_ids.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| ((r.product_id, r.user_id), r.id))
        .collect();
    let votes: Vec<review_vote::ActiveModel> = written
        .iter()
        .filter_map(|w| {
            let id = *ids.get(&(w.product_id, user_ids[w.customer]))?;
            Some(w.voters.iter().map(move |&v| review_vote::ActiveModel {
                review_id: Set(id),
                user_id: Set(user_ids[v]),
                created_at: Set(w.at),
            }))
        })
        .flatten()
        .collect();
    for chunk in votes.chunks(BATCH) {
        review_vote::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

/// A basket of one to three lines.
fn rng_len(rng: &mut Rng, available: usize) -> usize {
    usize::try_from(rng.range(1, 3)).unwrap_or(1).min(available)
}
