//! The small shop most commerce tests start from: one product "Red Tee"
//! (sizes M and L at $25.00), warehouses EAST and WEST, the demo shipping
//! methods, tax rates and promo codes, and the store profile.
#![allow(dead_code)] // each test file uses its own share of the helpers

use std::sync::Arc;

use domain::accounts::AddressInput;
use domain::cart::CartOwner;
use domain::checkout::{Checkout, CheckoutInput};
use domain::commerce::{Commerce, CommerceSettings};
use domain::entities::{category, order, product, stock_level, variant, warehouse};
use domain::orders::{OrderStatus, Orders};
use domain::outbox::OutboxSignal;
use domain::payments::{OfflineGateway, PaymentEvent};
use domain::store::Store;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use testkit::TestDatabase;

pub struct Shop {
    pub db: DatabaseConnection,
    pub commerce: Commerce,
    pub checkout: Checkout,
    pub orders: Orders,
    pub store: Store,
}

pub const SKU: &str = "TEE-RED-M";
pub const PRICE: i64 = 2500;

/// A pool of `size` on the migrated database. Migrated on a connection of
/// its own, as the server does (startup.rs): a pooled SQLite connection
/// that read the schema before a migration's `ALTER TABLE` could answer
/// a later insert without the new column.
pub async fn migrated(url: &str, size: u32) -> DatabaseConnection {
    let migrating = domain::db::connect(url, 1).await.expect("connect");
    Migrator::up(&migrating, None).await.expect("migrate");
    migrating.close().await.expect("close");
    domain::db::connect(url, size).await.expect("connect")
}

pub async fn shop(db: &TestDatabase) -> Shop {
    let conn = migrated(&db.url, 10).await;
    let now = time::OffsetDateTime::now_utc();
    let cat = category::ActiveModel {
        slug: Set("tees".into()),
        name: Set("Tees".into()),
        description: Set(String::new()),
        position: Set(0),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&conn)
    .await
    .expect("category");
    let p = product::ActiveModel {
        slug: Set("red-tee".into()),
        title: Set("Red Tee".into()),
        description: Set("A tee.".into()),
        brand: Set("Acme".into()),
        status: Set("active".into()),
        category_id: Set(cat.id),
        price_min_minor: Set(PRICE),
        price_max_minor: Set(PRICE),
        currency: Set("USD".into()),
        featured: Set(false),
        low_stock_threshold: Set(model::product_form::DEFAULT_LOW_STOCK),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&conn)
    .await
    .expect("product");
    for (i, sku) in [SKU, "TEE-RED-L"].iter().enumerate() {
        variant::ActiveModel {
            product_id: Set(p.id),
            sku: Set((*sku).into()),
            title: Set(if i == 0 { "M" } else { "L" }.into()),
            price_minor: Set(PRICE),
            currency: Set("USD".into()),
            weight_grams: Set(200),
            position: Set(i as i32),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&conn)
        .await
        .expect("variant");
    }
    for code in ["EAST", "WEST"] {
        warehouse::ActiveModel {
            code: Set(code.into()),
            name: Set(code.into()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&conn)
        .await
        .expect("warehouse");
    }
    domain::seed::commerce::insert(&conn)
        .await
        .expect("shipping, tax, promos");
    let store = testkit::open_store(&conn).await;
    let commerce = Commerce::new(
        conn.clone(),
        CommerceSettings::default(),
        store.current(),
        OutboxSignal::default(),
        Arc::new(OfflineGateway::new("http://shop.test")),
    )
    .expect("commerce");
    Shop {
        db: conn,
        checkout: Checkout::new(commerce.clone()),
        orders: Orders::new(commerce.clone()),
        commerce,
        store,
    }
}

pub async fn variant_id(s: &Shop, sku: &str) -> i32 {
    variant::Entity::find()
        .filter(variant::Column::Sku.eq(sku))
        .one(&s.db)
        .await
        .expect("q")
        .expect("variant")
        .id
}

/// Puts `east` and `west` units of `sku` on the shelves, nothing reserved.
pub async fn stock(s: &Shop, sku: &str, east: i32, west: i32) {
    let v = variant_id(s, sku).await;
    stock_level::Entity::delete_many()
        .filter(stock_level::Column::VariantId.eq(v))
        .exec(&s.db)
        .await
        .expect("clear");
    for (w, n) in [(1, east), (2, west)] {
        stock_level::ActiveModel {
            variant_id: Set(v),
            warehouse_id: Set(w),
            on_hand: Set(n),
            reserved: Set(0),
        }
        .insert(&s.db)
        .await
        .expect("stock");
    }
}

pub async fn shelf(s: &Shop, sku: &str) -> (i32, i32) {
    let v = variant_id(s, sku).await;
    stock_level::Entity::find()
        .filter(stock_level::Column::VariantId.eq(v))
        .all(&s.db)
        .await
        .expect("levels")
        .iter()
        .fold((0, 0), |(h, r), l| (h + l.on_hand, r + l.reserved))
}

pub fn input(email: &str) -> CheckoutInput {
    CheckoutInput {
        email: email.into(),
        address: AddressInput {
            full_name: "Pat Buyer".into(),
            line1: "1 Main St".into(),
            city: "Springfield".into(),
            region: "IL".into(),
            postal_code: "62701".into(),
            country: "US".into(),
            ..Default::default()
        },
        shipping_method: "express".into(),
        promo_code: String::new(),
        expected_total: None,
        checkout_key: String::new(),
        use_store_credit: false,
        locale: Default::default(),
        currency: None,
    }
}

/// An account with `role`, created at `created`; its id.
pub async fn add_user(
    db: &DatabaseConnection,
    email: &str,
    role: &str,
    created: time::OffsetDateTime,
) -> i32 {
    domain::entities::user::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        email: Set(email.into()),
        password_hash: Set(String::new()),
        name: Set(String::new()),
        phone: Set(String::new()),
        role: Set(role.into()),
        permissions: Set(String::new()),
        marketing_opt_in: Set(false),
        created_at: Set(created),
        updated_at: Set(created),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("user")
    .id
}

/// A customer who signed up just now; their id.
pub async fn customer(s: &Shop, email: &str) -> i32 {
    add_user(&s.db, email, "customer", time::OffsetDateTime::now_utc()).await
}

pub async fn guest_cart(s: &Shop, sku: &str, qty: i64) -> CartOwner {
    let cart = s
        .commerce
        .carts()
        .add(&CartOwner::Guest(None), sku, qty)
        .await
        .expect("add");
    CartOwner::Guest(cart.id)
}

/// Places the order for `owner`'s cart and pays it offline; its number.
pub async fn place_and_pay(s: &Shop, owner: &CartOwner, email: &str) -> String {
    let placed = s
        .checkout
        .place_order(owner, &input(email))
        .await
        .expect("place");
    s.orders
        .apply_payment_event(&offline_decision(s, &placed.redirect_url, true).await)
        .await
        .expect("pay");
    placed.number
}

pub fn reference(redirect: &str) -> String {
    redirect.rsplit('/').next().expect("reference").to_owned()
}

/// The event the offline test page sends for the attempt behind `redirect`:
/// an approval pays exactly the amount asked.
pub async fn offline_decision(s: &Shop, redirect: &str, approve: bool) -> PaymentEvent {
    let attempt = s
        .orders
        .payment_attempt(&reference(redirect))
        .await
        .expect("payment attempt");
    OfflineGateway::decision(&attempt.reference, approve, attempt.total)
}

pub async fn status(s: &Shop, number: &str) -> OrderStatus {
    let o = order::Entity::find()
        .filter(order::Column::Number.eq(number))
        .one(&s.db)
        .await
        .expect("q")
        .expect("order");
    OrderStatus::parse(&o.status).expect("status")
}

/// Runs the outbox once over (mail into a throwaway folder, refunds to the
/// gateway) until nothing is due.
pub async fn deliver_outbox(s: &Shop) {
    let dir = tempfile::tempdir().expect("mail dir");
    deliver_outbox_to(s, dir.path()).await;
}

/// [`deliver_outbox`], keeping the mail as `.eml` files in `dir`.
pub async fn deliver_outbox_to(s: &Shop, dir: &std::path::Path) {
    use domain::outbox::{OutboxConfig, Worker};
    let mailer = domain::mail::FileMailer::new(dir, "Shop <shop@example.com>").expect("mailer");
    let worker = Worker::new(
        s.db.clone(),
        Arc::new(mailer),
        OutboxConfig::default(),
        OutboxSignal::default(),
    )
    .with_orders(s.orders.clone());
    while worker.run_once().await.expect("outbox pass") > 0 {}
}

/// A real PNG of the given size, as a shopper or staff would upload.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 255) as u8, (y % 255) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode");
    out.into_inner()
}
