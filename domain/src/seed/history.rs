//! The demo shop's past: customers who bought over the last three months,
//! their delivered orders and the reviews they left, so a new shop shows
//! ratings (and, from the same orders, what was bought together) at once.
//! Deterministic like the catalog. The customers have no password: nobody
//! signs in as them.
use std::collections::{BTreeMap, HashSet};

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
    let (mut customers, mut emails) = (Vec::new(), Vec::new());
    for i in 0..CUSTOMERS {
        let (first, last) = (FIRST[i % FIRST.len()], LAST[(i / 2) % LAST.len()]);
        let joined = now - Duration::days(rng.range(100, 400));
        let row = user::Entity::insert(user::ActiveModel {
            public_id: Set(uuid::Uuid::new_v4().to_string()),
            email: Set(format!(
                "{}.{}{i}@customers.example",
                first.to_lowercase(),
                last.to_lowercase()
            )),
            email_verified_at: Set(Some(joined)),
            password_hash: Set(String::new()),
            name: Set(format!("{first} {last}")),
            phone: Set(String::new()),
            role: Set("customer".into()),
            permissions: Set(String::new()),
            marketing_opt_in: Set(false),
            created_at: Set(joined),
            updated_at: Set(joined),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
        customers.push(row.last_insert_id);
        emails.push(format!(
            "{}.{}{i}@customers.example",
            first.to_lowercase(),
            last.to_lowercase()
        ));
    }

    let (mut orders, mut reviews) = (0usize, Vec::new());
    let mut reviewed = HashSet::new();
    for (ci, &customer) in customers.iter().enumerate() {
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
            basket.dedup_by_key(|l| l.product_id);
            let placed =
                now - Duration::days(rng.range(5, 90)) - Duration::minutes(rng.range(0, 1_440));
            let subtotal: i64 = basket.iter().map(|l| l.variant.price_minor).sum();
            orders += 1;
            let o = order::Entity::insert(order::ActiveModel {
                number: Set(format!("DEMO-{orders:04}")),
                public_id: Set(uuid::Uuid::new_v4().to_string()),
                user_id: Set(Some(customer)),
                email: Set(emails[ci].clone()),
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
                placed_at: Set(placed),
                paid_at: Set(Some(placed)),
                updated_at: Set(placed + Duration::days(3)),
                ..Default::default()
            })
            .exec(&txn)
            .await?;
            let items: Vec<order_item::ActiveModel> = basket
                .iter()
                .map(|l| order_item::ActiveModel {
                    order_id: Set(o.last_insert_id),
                    variant_id: Set(Some(l.variant.id)),
                    sku: Set(l.variant.sku.clone()),
                    title: Set(l.variant.title.clone()),
                    variant_title: Set(l.variant.title.clone()),
                    unit_price_minor: Set(l.variant.price_minor),
                    quantity: Set(1),
                    line_total_minor: Set(l.variant.price_minor),
                    ..Default::default()
                })
                .collect();
            order_item::Entity::insert_many(items)
                .exec_without_returning(&txn)
                .await?;
            for l in &basket {
                if rng.chance(60) && reviewed.insert((customer, l.product_id)) {
                    let stars = rating(&mut rng);
                    let (title, body) = words(&mut rng, stars);
                    let written = placed + Duration::days(rng.range(4, 20));
                    reviews.push(review::ActiveModel {
                        product_id: Set(l.product_id),
                        user_id: Set(customer),
                        rating: Set(i16::from(stars)),
                        title: Set(title.to_owned()),
                        body: Set(body.to_owned()),
                        status: Set("published".into()),
                        verified: Set(true),
                        flagged: Set(false),
                        helpful_count: Set(0),
                        report_count: Set(0),
                        created_at: Set(written.min(now)),
                        updated_at: Set(written.min(now)),
                        ..Default::default()
                    });
                }
            }
        }
    }
    let written = reviews.len();
    review::Entity::insert_many(reviews)
        .exec_without_returning(&txn)
        .await?;
    votes(&txn, &customers, &mut rng).await?;
    let products: HashSet<i32> = reviewed.iter().map(|(_, p)| *p).collect();
    for p in products {
        crate::reviews::recount(&txn, p).await?;
    }
    txn.commit().await?;
    Ok(History {
        orders,
        reviews: written,
    })
}

/// A basket of one to three lines.
fn rng_len(rng: &mut Rng, available: usize) -> usize {
    usize::try_from(rng.range(1, 3)).unwrap_or(1).min(available)
}

/// Other demo customers found some reviews helpful; each count is its votes.
async fn votes<C: ConnectionTrait>(
    conn: &C,
    customers: &[i32],
    rng: &mut Rng,
) -> crate::Result<()> {
    let rows = review::Entity::find().all(conn).await?;
    let mut votes = Vec::new();
    for r in &rows {
        let n = usize::try_from(rng.range(0, 6)).unwrap_or(0);
        let voters = rng.subset(customers, n);
        let voters: Vec<i32> = voters.into_iter().filter(|v| *v != r.user_id).collect();
        for v in &voters {
            votes.push(review_vote::ActiveModel {
                review_id: Set(r.id),
                user_id: Set(*v),
                created_at: Set(r.created_at),
            });
        }
        review::Entity::update_many()
            .col_expr(
                review::Column::HelpfulCount,
                sea_orm::sea_query::Expr::value(i32::try_from(voters.len()).unwrap_or(0)),
            )
            .filter(review::Column::Id.eq(r.id))
            .exec(conn)
            .await?;
    }
    for chunk in votes.chunks(400) {
        review_vote::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}
