//! The admin dashboard's numbers equal direct SQL over the same data, on
//! SQLite and PostgreSQL: orders paid inside and outside the period, a
//! refund, an unpaid order, visits with and without a paid order, new
//! customers and staff accounts.
use domain::accounts::{Actor, Role};
use domain::analytics::{dashboard, EventKind};
use domain::entities::{analytics_event, order, order_item};
use domain::money::Currency;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, Set, Statement, Value,
};
use testkit::for_each_backend;
use testkit::TestDatabase;
use time::{Duration, OffsetDateTime};

struct Seeded {
    to: OffsetDateTime,
    from: OffsetDateTime,
}

async fn add_order(
    db: &DatabaseConnection,
    n: usize,
    paid_at: Option<OffsetDateTime>,
    lines: &[(&str, i32, i64)],
    refunded: i64,
) -> i32 {
    let total: i64 = lines.iter().map(|(_, q, p)| i64::from(*q) * p).sum();
    let placed = paid_at.unwrap_or_else(OffsetDateTime::now_utc) - Duration::minutes(5);
    let o = order::ActiveModel {
        number: Set(format!("MC-T{n:05}")),
        public_id: Set(format!("00000000-0000-0000-0000-{n:012}")),
        user_id: Set(None),
        cart_id: Set(None),
        email: Set(format!("buyer{n}@example.com")),
        status: Set(if paid_at.is_some() {
            "paid"
        } else {
            "pending_payment"
        }
        .into()),
        currency: Set("USD".into()),
        subtotal_minor: Set(total),
        discount_minor: Set(0),
        shipping_minor: Set(0),
        tax_minor: Set(0),
        total_minor: Set(total),
        refunded_minor: Set(refunded),
        prices_include_tax: Set(false),
        promotion_code: Set(None),
        shipping_method: Set("standard".into()),
        shipping_address: Set("{}".into()),
        placed_at: Set(placed),
        paid_at: Set(paid_at),
        updated_at: Set(placed),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("order");
    for (title, qty, price) in lines {
        order_item::ActiveModel {
            order_id: Set(o.id),
            variant_id: Set(None),
            sku: Set(format!("SKU-{title}")),
            title: Set((*title).into()),
            variant_title: Set(String::new()),
            unit_price_minor: Set(*price),
            quantity: Set(*qty),
            line_total_minor: Set(i64::from(*qty) * price),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("item");
    }
    o.id
}

async fn event(
    db: &DatabaseConnection,
    kind: EventKind,
    session: &str,
    at: OffsetDateTime,
    order_id: Option<i32>,
) {
    analytics_event::ActiveModel {
        kind: Set(kind.as_str().into()),
        session: Set(Some(session.into())),
        order_id: Set(order_id),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("event");
}

async fn seed(db: &DatabaseConnection) -> Seeded {
    let to = OffsetDateTime::now_utc();
    let from = to - Duration::days(7);
    let day = Duration::days(1);
    // In the period: three paid orders (one partly refunded), one unpaid.
    let a = add_order(
        db,
        1,
        Some(to - day),
        &[("Rain Jacket", 1, 12_000), ("Wool Hat", 2, 1_500)],
        0,
    )
    .await;
    let b = add_order(
        db,
        2,
        Some(to - day * 3),
        &[("Rain Jacket", 2, 12_000)],
        5_000,
    )
    .await;
    add_order(db, 3, Some(to - day * 5), &[("Linen Shirt", 1, 6_000)], 0).await;
    let unpaid = add_order(db, 4, None, &[("Rain Jacket", 1, 12_000)], 0).await;
    // The previous period: one paid order.
    add_order(db, 5, Some(from - day * 2), &[("Wool Hat", 1, 1_500)], 0).await;
    // Outside both periods.
    add_order(
        db,
        6,
        Some(from - day * 20),
        &[("Linen Shirt", 9, 6_000)],
        0,
    )
    .await;

    // Visits: v1 bought (a), v2 bought (b), v3 placed an unpaid order, v4
    // only browsed; v4 also visited twice. Old visit v9 in the previous period.
    for (v, hours) in [("v1", 30), ("v2", 70), ("v3", 20), ("v4", 10), ("v4", 11)] {
        event(
            db,
            EventKind::PageView,
            v,
            to - Duration::hours(hours),
            None,
        )
        .await;
    }
    event(
        db,
        EventKind::ProductView,
        "v1",
        to - Duration::hours(29),
        None,
    )
    .await;
    event(
        db,
        EventKind::AddToCart,
        "v1",
        to - Duration::hours(28),
        None,
    )
    .await;
    event(
        db,
        EventKind::CheckoutStarted,
        "v1",
        to - Duration::hours(27),
        None,
    )
    .await;
    event(
        db,
        EventKind::OrderPlaced,
        "v1",
        to - Duration::hours(26),
        Some(a),
    )
    .await;
    event(
        db,
        EventKind::OrderPlaced,
        "v2",
        to - Duration::hours(69),
        Some(b),
    )
    .await;
    event(
        db,
        EventKind::OrderPlaced,
        "v3",
        to - Duration::hours(19),
        Some(unpaid),
    )
    .await;
    event(db, EventKind::PageView, "v9", from - day, None).await;

    crate::support::add_user(db, "new1@example.com", "customer", to - day).await;
    crate::support::add_user(db, "new2@example.com", "customer", to - day * 2).await;
    crate::support::add_user(db, "staff@example.com", "staff", to - day).await;
    crate::support::add_user(db, "old@example.com", "customer", from - day).await;
    Seeded { to, from }
}

/// One number from SQL with `$1`/`$2` bound to the period.
async fn scalar(
    db: &DatabaseConnection,
    sql: &str,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> i64 {
    let backend = db.get_database_backend();
    let sql = if backend == DbBackend::Sqlite {
        sql.replace("$1", "?").replace("$2", "?")
    } else {
        sql.to_owned()
    };
    let stmt = Statement::from_sql_and_values(backend, sql, [Value::from(from), Value::from(to)]);
    let row = db.query_one_raw(stmt).await.expect("query").expect("row");
    row.try_get_by_index::<i64>(0).expect("number")
}

for_each_backend!(
    dashboard_numbers_match_sql,
    |tdb: TestDatabase| async move {
        let db = crate::support::migrated(&tdb.url, 5).await;
        let s = seed(&db).await;
        let admin = Actor::user(1, Role::Admin, Vec::new(), false);
        let d = dashboard(&db, &admin, Currency::Usd, 7, s.to)
            .await
            .expect("dashboard");

        let revenue = scalar(
        &db,
        "SELECT CAST(COALESCE(SUM(total_minor - refunded_minor), 0) AS BIGINT) FROM orders WHERE paid_at >= $1 AND paid_at < $2",
        s.from,
        s.to,
    )
    .await;
        let orders = scalar(
            &db,
            "SELECT COUNT(*) FROM orders WHERE paid_at >= $1 AND paid_at < $2",
            s.from,
            s.to,
        )
        .await;
        let visits = scalar(
        &db,
        "SELECT COUNT(DISTINCT session) FROM analytics_events WHERE kind = 'page_view' AND created_at >= $1 AND created_at < $2",
        s.from,
        s.to,
    )
    .await;
        let converted = scalar(
        &db,
        "SELECT COUNT(DISTINCT e.session) FROM analytics_events e JOIN orders o ON o.id = e.order_id \
         WHERE e.kind = 'order_placed' AND o.paid_at IS NOT NULL AND e.created_at >= $1 AND e.created_at < $2",
        s.from,
        s.to,
    )
    .await;
        let customers = scalar(
        &db,
        "SELECT COUNT(*) FROM users WHERE role = 'customer' AND created_at >= $1 AND created_at < $2",
        s.from,
        s.to,
    )
    .await;

        assert_eq!(d.current.revenue_minor, revenue);
        assert_eq!(
            revenue,
            15_000 + 24_000 - 5_000 + 6_000,
            "the fixture is what we think"
        );
        assert_eq!(d.current.orders as i64, orders);
        assert_eq!(d.current.average_order_minor, revenue / orders);
        assert_eq!(d.current.visits as i64, visits);
        assert_eq!(d.current.converted_visits as i64, converted);
        assert_eq!(d.current.conversion_bp as i64, converted * 10_000 / visits);
        assert_eq!(d.current.new_customers as i64, customers);

        let prev_from = s.from - Duration::days(7);
        let prev_revenue = scalar(
        &db,
        "SELECT CAST(COALESCE(SUM(total_minor - refunded_minor), 0) AS BIGINT) FROM orders WHERE paid_at >= $1 AND paid_at < $2",
        prev_from,
        s.from,
    )
    .await;
        assert_eq!(d.previous.revenue_minor, prev_revenue);
        assert_eq!(d.previous.visits, 1);

        // The daily series adds up to the period.
        let series_total: i64 = d.days.iter().map(|p| p.revenue_minor).sum();
        let series_orders: u64 = d.days.iter().map(|p| p.orders).sum();
        assert_eq!(series_total, revenue);
        assert_eq!(series_orders as i64, orders);
        assert!(d.days.len() >= 7);

        // Top product by revenue among paid orders in the period.
        let top = &d.top_products[0];
        assert_eq!(top.title, "Rain Jacket");
        let jacket = scalar(
        &db,
        "SELECT CAST(SUM(i.line_total_minor) AS BIGINT) FROM order_items i JOIN orders o ON o.id = i.order_id \
         WHERE i.title = 'Rain Jacket' AND o.paid_at >= $1 AND o.paid_at < $2",
        s.from,
        s.to,
    )
    .await;
        assert_eq!(top.revenue_minor, jacket);
        assert_eq!(top.units, 3, "the unpaid order's jacket doesn't count");

        // Funnel: distinct visits per step.
        let funnel: Vec<u64> = d.funnel.iter().map(|f| f.visits).collect();
        assert_eq!(funnel, [4, 1, 1, 1, 3]);

        // Only staff with the analytics permission.
        let customer = Actor::user(2, Role::Customer, Vec::new(), false);
        assert!(matches!(
            dashboard(&db, &customer, Currency::Usd, 7, s.to).await,
            Err(domain::Error::Forbidden)
        ));
    }
);
