//! Orders ship in parcels: carriers (with a tracking link template),
//! shipments and the quantities each carries, and per order line how much
//! has left (who shipped is in the audit log). Orders shipped before this keep their tracking number as one
//! shipment with everything in it; the order row no longer holds it.
use crate::helpers::{fk, index, run, unique};
use sea_orm_migration::sea_orm::{DatabaseBackend, Statement};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Carriers {
    Table,
    Id,
    Code,
    Name,
    TrackingUrl,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Shipments {
    Table,
    Id,
    OrderId,
    CarrierId,
    TrackingNumber,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ShipmentItems {
    Table,
    Id,
    ShipmentId,
    OrderItemId,
    Quantity,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    Id,
    TrackingNumber,
}

#[derive(DeriveIden)]
enum OrderItems {
    Table,
    Id,
    ShippedQuantity,
}

/// The statuses `orders.status` may hold, before and after this migration.
const STATUSES_BEFORE: &str = "'pending_payment', 'paid', 'processing', 'shipped', 'delivered', \
     'cancelled', 'refunded', 'partially_refunded', 'return_requested', 'returned'";
const NEW_STATUS: &str = "'partially_shipped'";

/// Lets `orders.status` hold `partially_shipped` (or not, going down).
async fn allow_status(m: &SchemaManager<'_>, with_new: bool) -> Result<(), DbErr> {
    let list = if with_new {
        format!("{STATUSES_BEFORE}, {NEW_STATUS}")
    } else {
        STATUSES_BEFORE.to_owned()
    };
    if m.get_database_backend() == DatabaseBackend::Postgres {
        return run(
            m,
            vec![
                "ALTER TABLE orders DROP CONSTRAINT orders_status_check".to_owned(),
                format!("ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ({list}))"),
            ],
        )
        .await;
    }
    // SQLite cannot alter a CHECK constraint; rebuilding `orders` would
    // cascade into every table that references it. Editing the stored
    // definition is SQLite's documented way for a change that leaves the
    // rows' format as it is (sqlite.org/lang_altertable.html, section 7),
    // with the schema version raised so every connection reads it again.
    let (from, to) = if with_new {
        (STATUSES_BEFORE.to_owned(), list)
    } else {
        (format!("{STATUSES_BEFORE}, {NEW_STATUS}"), list)
    };
    let db = m.get_connection();
    let version: i64 = db
        .query_one_raw(Statement::from_string(
            DatabaseBackend::Sqlite,
            "PRAGMA schema_version",
        ))
        .await?
        .ok_or_else(|| DbErr::Custom("no schema version".into()))?
        .try_get_by_index(0)?;
    // One string, so every statement runs on the same pooled connection
    // (the pragma holds per connection).
    db.execute_unprepared(&format!(
        "PRAGMA writable_schema = ON; \
         UPDATE sqlite_master SET sql = replace(sql, '\"status\" IN ({from})', \
         '\"status\" IN ({to})') WHERE type = 'table' AND name = 'orders'; \
         PRAGMA schema_version = {version}; \
         PRAGMA writable_schema = OFF;",
        from = from.replace('\'', "''"),
        to = to.replace('\'', "''"),
        version = version + 1,
    ))
    .await?;
    let sql: String = db
        .query_one_raw(Statement::from_string(
            DatabaseBackend::Sqlite,
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'orders'",
        ))
        .await?
        .ok_or_else(|| DbErr::Custom("no orders table".into()))?
        .try_get_by_index(0)?;
    if sql.contains(&format!("\"status\" IN ({to})")) {
        Ok(())
    } else {
        Err(DbErr::Migration(
            "orders.status: the CHECK constraint was not where expected".into(),
        ))
    }
}

/// The carriers a new shop starts with; staff add their own.
const CARRIERS: &[(&str, &str, &str)] = &[
    (
        "ups",
        "UPS",
        "https://www.ups.com/track?tracknum={tracking}",
    ),
    (
        "usps",
        "USPS",
        "https://tools.usps.com/go/TrackConfirmAction?tLabels={tracking}",
    ),
    (
        "fedex",
        "FedEx",
        "https://www.fedex.com/fedextrack/?trknbr={tracking}",
    ),
    (
        "dhl",
        "DHL",
        "https://www.dhl.com/en/express/tracking.html?AWB={tracking}",
    ),
    ("other", "Other carrier", ""),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Carriers::Table)
                .col(pk_auto(Carriers::Id))
                .col(string_len(Carriers::Code, 32))
                .col(string_len(Carriers::Name, 80))
                .col(string_len(Carriers::TrackingUrl, 300))
                .col(timestamp_with_time_zone(Carriers::CreatedAt))
                .take(),
        )
        .await?;
        unique(m, "ux_carriers_code", Carriers::Table, [Carriers::Code]).await?;
        m.create_table(
            Table::create()
                .table(Shipments::Table)
                .col(pk_auto(Shipments::Id))
                .col(integer(Shipments::OrderId))
                .col(integer(Shipments::CarrierId))
                .col(string_len(Shipments::TrackingNumber, 80))
                .col(timestamp_with_time_zone(Shipments::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_shipments_order",
                    (Shipments::Table, Shipments::OrderId),
                    (Orders::Table, Orders::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_shipments_carrier",
                    (Shipments::Table, Shipments::CarrierId),
                    (Carriers::Table, Carriers::Id),
                    ForeignKeyAction::Restrict,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "ix_shipments_order",
            Shipments::Table,
            [Shipments::OrderId],
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ShipmentItems::Table)
                .col(pk_auto(ShipmentItems::Id))
                .col(integer(ShipmentItems::ShipmentId))
                .col(integer(ShipmentItems::OrderItemId))
                .col(integer(ShipmentItems::Quantity))
                .foreign_key(&mut fk(
                    "fk_shipment_items_shipment",
                    (ShipmentItems::Table, ShipmentItems::ShipmentId),
                    (Shipments::Table, Shipments::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_shipment_items_order_item",
                    (ShipmentItems::Table, ShipmentItems::OrderItemId),
                    (OrderItems::Table, OrderItems::Id),
                    ForeignKeyAction::Cascade,
                ))
                .take(),
        )
        .await?;
        index(
            m,
            "ix_shipment_items_shipment",
            ShipmentItems::Table,
            [ShipmentItems::ShipmentId],
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(OrderItems::Table)
                .add_column(integer(OrderItems::ShippedQuantity).default(0))
                .take(),
        )
        .await?;
        allow_status(m, true).await?;
        let now = "CURRENT_TIMESTAMP";
        let mut statements: Vec<String> = CARRIERS
            .iter()
            .map(|(code, name, url)| {
                format!(
                    "INSERT INTO carriers (code, name, tracking_url, created_at) \
                     VALUES ('{code}', '{name}', '{url}', {now})"
                )
            })
            .collect();
        // Orders shipped before shipments existed: one parcel with everything.
        statements.extend([
            "INSERT INTO shipments (order_id, carrier_id, tracking_number, created_at) \
             SELECT o.id, (SELECT id FROM carriers WHERE code = 'other'), o.tracking_number, o.updated_at \
             FROM orders o WHERE o.tracking_number IS NOT NULL"
                .to_owned(),
            "INSERT INTO shipment_items (shipment_id, order_item_id, quantity) \
             SELECT s.id, i.id, i.quantity FROM shipments s JOIN order_items i ON i.order_id = s.order_id"
                .to_owned(),
            "UPDATE order_items SET shipped_quantity = quantity \
             WHERE order_id IN (SELECT order_id FROM shipments)"
                .to_owned(),
        ]);
        run(m, statements).await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .drop_column(Orders::TrackingNumber)
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(
            m,
            vec![
                "UPDATE orders SET status = 'processing' WHERE status = 'partially_shipped'"
                    .to_owned(),
            ],
        )
        .await?;
        allow_status(m, false).await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .add_column(string_len_null(Orders::TrackingNumber, 80))
                .take(),
        )
        .await?;
        run(
            m,
            vec!["UPDATE orders SET tracking_number = (SELECT MAX(tracking_number) FROM shipments s WHERE s.order_id = orders.id)".to_owned()],
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(OrderItems::Table)
                .drop_column(OrderItems::ShippedQuantity)
                .take(),
        )
        .await?;
        m.drop_table(Table::drop().table(ShipmentItems::Table).take())
            .await?;
        m.drop_table(Table::drop().table(Shipments::Table).take())
            .await?;
        m.drop_table(Table::drop().table(Carriers::Table).take())
            .await
    }
}
