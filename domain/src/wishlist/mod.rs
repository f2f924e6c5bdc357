//! Wishlists: a guest's is found through their session (its public id), a
//! customer's by their user id, exactly like carts ([`CartOwner`]); at
//! sign-in the guest's joins the customer's. Each item is one variant: the
//! heart on a card saves the product's first variant, the one on a product
//! page the variant chosen. A private link shows a read-only copy; saved
//! variants mail their watchers when they come back in stock or get
//! cheaper ([`alerts`]).
pub mod alerts;
mod items;
mod lines;
mod share;

use std::sync::Arc;

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait};
use sea_orm::{QueryFilter, Set};
use time::OffsetDateTime;

pub use model::wishlist::{SharedWishlist, WishlistLine, WishlistView, MAX_ITEMS};

use crate::accounts::held::HeldAccounts;
use crate::cart::CartOwner;
use crate::entities::wishlist;
use crate::mail::Templates;
use crate::money::Currency;
use crate::store::Current;
use crate::Result;

/// The language and currency a list was read in.
pub(crate) type Shown = (model::Locale, Currency);

#[derive(Clone)]
pub struct Wishlists {
    db: DatabaseConnection,
    /// Prices show in the store currency of the moment.
    store: Current,
    /// The alert mails are rendered when the outbox delivers them.
    templates: Arc<Templates>,
    /// The language of its lines' titles.
    locale: model::Locale,
    /// The currency its lines are priced in (the base unless asked).
    priced_in: Option<Currency>,
    held: Option<Arc<HeldAccounts>>,
}

impl Wishlists {
    pub fn new(db: DatabaseConnection, store: Current, templates: Arc<Templates>) -> Self {
        Self {
            db,
            store,
            templates,
            locale: model::Locale::default(),
            priced_in: None,
            held: None,
        }
    }

    /// Titles the lines in `locale` where the product is translated.
    pub fn speaking(mut self, locale: model::Locale) -> Self {
        self.locale = locale;
        self
    }

    /// Prices the lines in `currency` where the shop sells in it (list
    /// prices, else converted), in the base otherwise.
    pub fn pricing_in(mut self, currency: Currency) -> Self {
        self.priced_in = Some(currency);
        self
    }

    pub(crate) fn holding(mut self, held: Option<Arc<HeldAccounts>>) -> Self {
        self.held = held;
        self
    }

    /// What the lines are shown in: language, and the currency served.
    fn shown(&self) -> Shown {
        let currencies = self.store.currencies();
        (self.locale, currencies.served_in(self.priced_in))
    }

    /// Keeps the currency this list is being saved to in, when the caller
    /// named one: its alert mails quote it.
    async fn remember_currency<C: ConnectionTrait>(
        &self,
        txn: &C,
        list: &wishlist::Model,
    ) -> Result<()> {
        let Some(wanted) = self.priced_in else {
            return Ok(());
        };
        let code = self.store.currencies().served_in(Some(wanted)).code();
        if list.currency.as_deref() != Some(code) {
            wishlist::Entity::update_many()
                .col_expr(
                    wishlist::Column::Currency,
                    sea_orm::sea_query::Expr::value(code),
                )
                .filter(wishlist::Column::Id.eq(list.id))
                .exec(txn)
                .await?;
        }
        Ok(())
    }

    async fn lines(&self, list_id: i32) -> Result<Vec<WishlistLine>> {
        let currencies = self.store.currencies();
        let currency = currencies.served_in(self.priced_in);
        lines::load(
            &self.db,
            list_id,
            lines::Which::All,
            &currencies,
            currency,
            self.locale,
        )
        .await
    }

    /// The owner's list; empty for a guest without one. A customer's is
    /// held between changes when the server holds them.
    pub async fn view(&self, owner: &CartOwner) -> Result<WishlistView> {
        let held = match (owner, &self.held) {
            (CartOwner::User(user), Some(held)) => Some((*user, held)),
            _ => None,
        };
        // Held as it was last shown (language and currency).
        let shown = self.shown();
        if let Some(list) = held
            .and_then(|(user, held)| held.wishlist(user))
            .filter(|held| held.0 == shown)
        {
            return Ok(list.1.clone());
        }
        let epoch = held.map(|(_, held)| held.epochs.begin());
        let view = self.read(owner).await?;
        if let (Some((user, held)), Some(epoch)) = (held, epoch) {
            held.keep_wishlist(user, epoch, shown, view.clone());
        }
        Ok(view)
    }

    async fn read(&self, owner: &CartOwner) -> Result<WishlistView> {
        match find(&self.db, owner).await? {
            Some(list) => self.view_of(&list, owner).await,
            None => Ok(WishlistView {
                alerts: true,
                signed_in: matches!(owner, CartOwner::User(_)),
                ..Default::default()
            }),
        }
    }

    async fn view_of(&self, list: &wishlist::Model, owner: &CartOwner) -> Result<WishlistView> {
        Ok(WishlistView {
            id: Some(list.public_id.clone()),
            lines: self.lines(list.id).await?,
            share_token: list.share_token.clone(),
            alerts: list.alerts,
            signed_in: matches!(owner, CartOwner::User(_)),
        })
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// The owner's list, if they have one.
async fn find<C: ConnectionTrait>(conn: &C, owner: &CartOwner) -> Result<Option<wishlist::Model>> {
    let query = wishlist::Entity::find();
    let query = match owner {
        CartOwner::User(id) => query.filter(wishlist::Column::UserId.eq(*id)),
        CartOwner::Guest(Some(public_id)) => query
            .filter(wishlist::Column::PublicId.eq(public_id.as_str()))
            .filter(wishlist::Column::UserId.is_null()),
        CartOwner::Guest(None) => return Ok(None),
    };
    Ok(query.one(conn).await?)
}

/// The owner's list, created if there is none. The owner is locked until
/// `txn` ends, so two saves for one owner take turns (PostgreSQL; SQLite
/// has one writer), and neither creates a second list nor passes the limit.
async fn ensure<C: ConnectionTrait>(txn: &C, owner: &CartOwner) -> Result<wishlist::Model> {
    let key = match owner {
        CartOwner::User(id) => format!("wishlist:user:{id}"),
        CartOwner::Guest(id) => format!("wishlist:guest:{}", id.as_deref().unwrap_or_default()),
    };
    crate::db::lock_key(txn, &key).await?;
    if let Some(list) = find(txn, owner).await? {
        return Ok(list);
    }
    let now = now();
    Ok(wishlist::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        user_id: Set(match owner {
            CartOwner::User(id) => Some(*id),
            CartOwner::Guest(_) => None,
        }),
        share_token: Set(None),
        alerts_token: Set(crate::accounts::tokens::random_token()),
        alerts: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?)
}
