use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "wishlist_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub wishlist_id: i32,
    pub product_id: i32,
    pub variant_id: i32,
    /// The price when saved: the list shows what it was.
    pub price_saved_minor: i64,
    /// The lowest price mailed about, or the price when saved.
    pub price_seen_minor: i64,
    /// Out of stock since saved or since it last sold out: the next
    /// restock mails once and clears it.
    pub awaiting_stock: bool,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
