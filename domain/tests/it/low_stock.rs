//! Low-stock alerts per variant and warehouse, against each product's own
//! level: one mail per keeper of the stock and one `inventory.low_stock`
//! event per crossing, none while stock stays low, the next after a
//! restock; the dashboard lists the same rows. On SQLite and PostgreSQL.
use domain::accounts::{Actor, Permission, Role};
use domain::entities::{outbox_message, product, user, webhook_endpoint, webhook_event};
use domain::inventory::{Inventory, LowStockMail, Reason, KIND_LOW_STOCK};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::*;

async fn queued(db: &DatabaseConnection) -> Vec<LowStockMail> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq(KIND_LOW_STOCK))
        .order_by_asc(outbox_message::Column::Id)
        .all(db)
        .await
        .expect("outbox")
        .iter()
        .map(|m| serde_json::from_str(&m.payload).expect("payload"))
        .collect()
}

async fn events(db: &DatabaseConnection) -> Vec<serde_json::Value> {
    webhook_event::Entity::find()
        .filter(webhook_event::Column::Kind.eq("inventory.low_stock"))
        .order_by_asc(webhook_event::Column::Id)
        .all(db)
        .await
        .expect("events")
        .iter()
        .map(|e| serde_json::from_str(&e.body).expect("body"))
        .collect()
}

async fn staff(db: &DatabaseConnection, email: &str, role: &str, permissions: &str) -> i32 {
    let id = add_user(db, email, role, time::OffsetDateTime::now_utc()).await;
    let mut u = user::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("q")
        .expect("user")
        .into_active_model();
    u.permissions = Set(permissions.into());
    u.update(db).await.expect("permissions");
    id
}

async fn set_level(db: &DatabaseConnection, level: i32) {
    product::Entity::update_many()
        .col_expr(
            product::Column::LowStockThreshold,
            sea_orm::sea_query::Expr::value(level),
        )
        .filter(product::Column::Slug.eq("red-tee"))
        .exec(db)
        .await
        .expect("level");
}

for_each_backend!(
    low_stock_alerts_once_per_warehouse_crossing,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 4).await;
        set_level(&s.db, 6).await;
        staff(&s.db, "boss@example.com", "admin", "").await;
        staff(&s.db, "stock@example.com", "staff", "orders,catalog").await;
        staff(&s.db, "orders@example.com", "staff", "orders").await;
        let gone = staff(&s.db, "gone@example.com", "staff", "catalog").await;
        let mut g = user::Entity::find_by_id(gone)
            .one(&s.db)
            .await
            .expect("q")
            .expect("user")
            .into_active_model();
        g.disabled_at = Set(Some(time::OffsetDateTime::now_utc()));
        g.update(&s.db).await.expect("disable");
        let now = time::OffsetDateTime::now_utc();
        webhook_endpoint::ActiveModel {
            url: Set("https://erp.example.com/hooks".into()),
            description: Set(String::new()),
            events: Set("inventory.low_stock".into()),
            secret: Set(String::new()),
            enabled: Set(true),
            failure_streak: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&s.db)
        .await
        .expect("endpoint");

        // 5 of EAST's 10 go to a checkout: 10 → 5 crosses the level of 6.
        place_and_pay(&s, &guest_cart(&s, SKU, 5).await, "a@example.com").await;
        let mails = queued(&s.db).await;
        let mut to: Vec<&str> = mails.iter().map(|m| m.to.as_str()).collect();
        to.sort_unstable();
        assert_eq!(to, ["boss@example.com", "stock@example.com"]);
        let low = &mails[0].stock;
        assert_eq!(
            (
                low.sku.as_str(),
                low.warehouse_code.as_str(),
                low.available,
                low.threshold
            ),
            (SKU, "EAST", 5, 6)
        );
        let ev = events(&s.db).await;
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0]["data"]["warehouse"]["code"], "EAST", "{}", ev[0]);
        assert_eq!(ev[0]["data"]["variant"]["available"], 5);
        assert_eq!(ev[0]["data"]["variant"]["low_stock_level"], 6);

        // Already low: selling more from EAST says nothing new. WEST (4)
        // started low and nothing took it across.
        place_and_pay(&s, &guest_cart(&s, SKU, 2).await, "b@example.com").await;
        assert_eq!(queued(&s.db).await.len(), 2);
        assert_eq!(events(&s.db).await.len(), 1);

        // Restocking WEST above the level arms it; a sale across it alerts.
        let keeper = Actor::user(1, Role::Staff, vec![Permission::Catalog], false);
        let inventory = Inventory::new(s.db.clone());
        inventory
            .adjust(&keeper, SKU, "WEST", 10, Reason::Received, "delivery")
            .await
            .expect("restock");
        assert_eq!(queued(&s.db).await.len(), 2, "a restock is not an alert");
        inventory
            .adjust(&keeper, SKU, "WEST", -9, Reason::Damaged, "flood")
            .await
            .expect("write off");
        let mails = queued(&s.db).await;
        assert_eq!(mails.len(), 4);
        assert_eq!(mails[3].stock.warehouse_code, "WEST");
        assert_eq!(mails[3].stock.available, 5);
        assert_eq!(events(&s.db).await.len(), 2);

        // A level of 0 alerts only when a warehouse sells out.
        set_level(&s.db, 0).await;
        inventory
            .adjust(&keeper, SKU, "WEST", -4, Reason::Correction, "count")
            .await
            .expect("count");
        assert_eq!(queued(&s.db).await.len(), 4, "1 left is above 0");
        inventory
            .adjust(&keeper, SKU, "WEST", -1, Reason::Correction, "count")
            .await
            .expect("sold out");
        assert_eq!(queued(&s.db).await.len(), 6);

        // The dashboard lists what is low now, by the same rule.
        let board = domain::analytics::dashboard(
            &s.db,
            &Actor::user(1, Role::Admin, vec![], false),
            domain::money::Currency::Usd,
            7,
            time::OffsetDateTime::now_utc(),
        )
        .await
        .expect("dashboard");
        let rows: Vec<(&str, i64)> = board
            .low_stock
            .iter()
            .map(|l| (l.warehouse_code.as_str(), l.available))
            .collect();
        assert_eq!(rows, [("WEST", 0)], "EAST has 3, above a level of 0");

        // Each queued alert becomes a mail that says where and how many.
        let dir = tempfile::tempdir().expect("dir");
        deliver_outbox_to(&s, dir.path()).await;
        let left = outbox_message::Entity::find()
            .filter(outbox_message::Column::Kind.eq(KIND_LOW_STOCK))
            .filter(outbox_message::Column::Status.ne("done"))
            .count(&s.db)
            .await
            .expect("count");
        assert_eq!(left, 0, "every alert was sent");
        let mut found = false;
        for f in std::fs::read_dir(dir.path()).expect("read dir") {
            let text = std::fs::read_to_string(f.expect("entry").path()).expect("mail");
            if text.contains("Low stock: TEE-RED-M has 5 left in EAST") {
                found = true;
                assert!(text.contains("/admin/products/red-tee"), "{text}");
                assert!(text.contains("stock@example.com") || text.contains("boss@example.com"));
            }
        }
        assert!(found, "the EAST alert was mailed");
    }
);
