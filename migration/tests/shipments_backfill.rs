//! Orders shipped before shipments existed keep their tracking number as
//! one parcel with everything in it, on both databases.
// A test binary: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use migration::{Migrator, MigratorTrait};
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};
use testkit::for_each_backend;
use testkit::TestDatabase;

const ORDER: &str = "INSERT INTO orders (number, public_id, email, status, currency, \
    subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor, refunded_minor, \
    prices_include_tax, shipping_method, shipping_address, tracking_number, placed_at, updated_at) \
    VALUES ('{number}', '{number}-id', 'a@example.com', '{status}', 'USD', 5000, 0, 0, 0, 5000, 0, \
    false, 'Standard', '{{}}', {tracking}, '2026-12-01 10:00:00+00:00', '2026-12-02 10:00:00+00:00')";

async fn exec(conn: &impl ConnectionTrait, sql: String) {
    conn.execute_unprepared(&sql).await.expect(&sql);
}

async fn one_i64(conn: &impl ConnectionTrait, sql: &str) -> i64 {
    conn.query_one_raw(Statement::from_string(conn.get_database_backend(), sql))
        .await
        .expect(sql)
        .expect("a row")
        .try_get_by_index::<i64>(0)
        .expect("a number")
}

for_each_backend!(
    shipped_orders_become_one_parcel,
    |db: TestDatabase| async move {
        let conn = domain::db::connect(&db.url, 1).await.expect("connect");
        let before = Migrator::migrations()
            .iter()
            .position(|m| m.name() == "m20261210_000022_shipments")
            .expect("the shipments migration") as u32;
        Migrator::up(&conn, Some(before))
            .await
            .expect("up to webhooks");
        for (number, status, tracking) in [
            ("MC-SHIP01", "shipped", "'1Z999'"),
            ("MC-PAID01", "paid", "NULL"),
        ] {
            exec(
                &conn,
                ORDER
                    .replace("{number}", number)
                    .replace("{status}", status)
                    .replace("{tracking}", tracking)
                    .replace("{{}}", "{}"),
            )
            .await;
            for (sku, qty) in [("A-1", 2), ("B-1", 1)] {
                exec(
                &conn,
                format!(
                    "INSERT INTO order_items (order_id, sku, title, variant_title, unit_price_minor, \
                     quantity, line_total_minor) SELECT id, '{sku}', 'Tee', 'M', 1000, {qty}, {} \
                     FROM orders WHERE number = '{number}'",
                    1000 * qty
                ),
            )
            .await;
            }
        }
        Migrator::up(&conn, None).await.expect("shipments");
        let parcels = "SELECT COUNT(*) FROM shipments s JOIN orders o ON o.id = s.order_id \
                   JOIN carriers c ON c.id = s.carrier_id \
                   WHERE o.number = 'MC-SHIP01' AND s.tracking_number = '1Z999' AND c.code = 'other'";
        assert_eq!(one_i64(&conn, parcels).await, 1);
        let carried = "SELECT COALESCE(SUM(i.quantity), 0) FROM shipment_items i \
                   JOIN shipments s ON s.id = i.shipment_id";
        assert_eq!(
            one_i64(&conn, carried).await,
            3,
            "everything of the shipped order"
        );
        let shipped = |n: &str| {
            format!(
                "SELECT COALESCE(SUM(i.shipped_quantity), 0) FROM order_items i \
             JOIN orders o ON o.id = i.order_id WHERE o.number = '{n}'"
            )
        };
        assert_eq!(one_i64(&conn, &shipped("MC-SHIP01")).await, 3);
        assert_eq!(one_i64(&conn, &shipped("MC-PAID01")).await, 0);
        // The new status is allowed now, and still checked.
        exec(
            &conn,
            "UPDATE orders SET status = 'partially_shipped' WHERE number = 'MC-PAID01'".to_owned(),
        )
        .await;
        assert!(conn
            .execute_unprepared("UPDATE orders SET status = 'lost' WHERE number = 'MC-PAID01'")
            .await
            .is_err());
    }
);
