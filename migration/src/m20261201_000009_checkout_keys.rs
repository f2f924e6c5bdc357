//! Placing an order is idempotent: the checkout form's key is kept on the
//! order (unique), and a cart has at most one order waiting for payment
//! (a partial unique index), so a double submit, a retry or a second tab
//! lands on the same order and holds the stock once.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Orders {
    Table,
    CheckoutKey,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .add_column(string_len_null(Orders::CheckoutKey, 64))
                .take(),
        )
        .await?;
        crate::helpers::unique(
            m,
            "uq_orders_checkout_key",
            Orders::Table,
            [Orders::CheckoutKey],
        )
        .await?;
        let db = m.get_connection();
        // Shops that took double submits before this have several orders
        // waiting on one cart: the newest keeps the link, the others still
        // expire as before.
        db.execute_unprepared(
            "UPDATE orders SET cart_id = NULL
             WHERE status = 'pending_payment' AND cart_id IS NOT NULL
               AND id NOT IN (SELECT MAX(id) FROM orders
                              WHERE status = 'pending_payment' AND cart_id IS NOT NULL
                              GROUP BY cart_id)",
        )
        .await?;
        db.execute_unprepared(
            "CREATE UNIQUE INDEX uq_orders_open_cart ON orders (cart_id)
             WHERE status = 'pending_payment'",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared("DROP INDEX uq_orders_open_cart")
            .await?;
        m.drop_index(
            Index::drop()
                .name("uq_orders_checkout_key")
                .table(Orders::Table)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .drop_column(Orders::CheckoutKey)
                .take(),
        )
        .await
    }
}
