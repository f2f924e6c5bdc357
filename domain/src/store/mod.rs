//! The store's identity (name, currency, mail sender, order-number prefix),
//! edited by staff with the `settings` permission and read everywhere the
//! shop names itself. One database row; each instance keeps a copy in
//! [`Current`], replaced at once on its own saves and refreshed from the
//! database by a worker so other instances follow within seconds.
mod currencies;
mod currency_change;
mod glossary;
mod profile;

use std::sync::{Arc, RwLock};

use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Set};
use time::OffsetDateTime;

pub use model::fx::{Currencies, PresentmentInput};
pub use model::glossary::Glossary;
pub use profile::{Profile, ProfileInput};

use crate::accounts::{Actor, Permission};
use crate::entities::store_profile;
use crate::{Error, Result};

const ROW: i32 = 1;

/// This instance's copy of the profile and of the currencies the shop
/// sells in, shared by every service that reads them.
#[derive(Clone, Debug)]
pub struct Current {
    profile: Arc<RwLock<Arc<Profile>>>,
    currencies: Arc<RwLock<Arc<Currencies>>>,
    words: Arc<RwLock<Arc<Glossary>>>,
}

// A writer never panics while holding one of these locks (it only swaps an
// Arc), so a poisoned lock still holds a whole value.
fn read<T>(lock: &RwLock<Arc<T>>) -> Arc<T> {
    match lock.read() {
        Ok(v) => v.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

fn write<T>(lock: &RwLock<Arc<T>>, next: T) {
    let next = Arc::new(next);
    match lock.write() {
        Ok(mut v) => *v = next,
        Err(poisoned) => *poisoned.into_inner() = next,
    }
}

impl Current {
    /// A shop selling in its base currency only.
    pub fn new(profile: Profile) -> Self {
        let currencies = Currencies::only(profile.currency);
        Self::with(profile, currencies, Glossary::default())
    }

    fn with(profile: Profile, currencies: Currencies, words: Glossary) -> Self {
        Self {
            profile: Arc::new(RwLock::new(Arc::new(profile))),
            currencies: Arc::new(RwLock::new(Arc::new(currencies))),
            words: Arc::new(RwLock::new(Arc::new(words))),
        }
    }

    pub fn get(&self) -> Arc<Profile> {
        read(&self.profile)
    }

    /// The base currency and the others the shop sells in.
    pub fn currencies(&self) -> Arc<Currencies> {
        read(&self.currencies)
    }

    /// The catalog's option and attribute words in the other languages.
    pub fn words(&self) -> Arc<Glossary> {
        read(&self.words)
    }

    fn set(&self, profile: Profile) {
        write(&self.profile, profile);
    }

    pub(crate) fn set_words(&self, words: Glossary) {
        write(&self.words, words);
    }

    fn set_currencies(&self, currencies: Currencies) {
        write(&self.currencies, currencies);
    }
}

#[derive(Clone)]
pub struct Store {
    db: DatabaseConnection,
    current: Current,
}

/// The base currency as `conn` reads it (in a writer's transaction, the one
/// that transaction commits against).
pub(crate) async fn base_currency<C: ConnectionTrait>(conn: &C) -> Result<crate::Currency> {
    Ok(Store::load(conn).await?.currency)
}

/// The currencies as `conn` reads them (in a writer's transaction, what
/// it commits against).
pub(crate) async fn currencies_in<C: ConnectionTrait>(conn: &C) -> Result<Currencies> {
    currencies::load(conn, base_currency(conn).await?).await
}

/// For a checkout, after its order row is written in `conn`: the basket was
/// priced in `priced_in`, which must still be the store currency. With the
/// lock taken by a currency change (see `currency_change`) an order and a
/// change of currency can never both commit.
pub(crate) async fn ensure_currency<C: ConnectionTrait>(
    conn: &C,
    priced_in: crate::Currency,
) -> Result<()> {
    if base_currency(conn).await? == priced_in {
        return Ok(());
    }
    Err(Error::Conflict(
        "The shop's prices changed while you were checking out. Please review your basket and place your order again."
            .into(),
    ))
}

impl Store {
    /// Loads the profile, creating it from `initial` (the deployment's
    /// configuration) on the first start.
    pub async fn open(db: DatabaseConnection, initial: Profile) -> Result<Self> {
        store_profile::Entity::insert(store_profile::ActiveModel {
            id: Set(ROW),
            name: Set(initial.name.clone()),
            currency: Set(initial.currency.code().to_owned()),
            mail_from_name: Set(initial.mail_from_name.clone()),
            mail_from_address: Set(initial.mail_from_address.clone()),
            order_prefix: Set(initial.order_prefix.clone()),
            reviews_require_purchase: Set(initial.reviews_require_purchase),
            reviews_auto_publish: Set(initial.reviews_auto_publish),
            cart_reminder_hours: Set(initial.cart_reminder_hours),
            return_window_days: Set(initial.return_window_days),
            updated_at: Set(OffsetDateTime::now_utc()),
        })
        .on_conflict(
            OnConflict::column(store_profile::Column::Id)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&db)
        .await?;
        let profile = Self::load(&db).await?;
        let currencies = currencies::load(&db, profile.currency).await?;
        let words = glossary::load(&db).await?;
        Ok(Self {
            db,
            current: Current::with(profile, currencies, words),
        })
    }

    async fn load<C: ConnectionTrait>(conn: &C) -> Result<Profile> {
        let row = store_profile::Entity::find_by_id(ROW)
            .one(conn)
            .await?
            .ok_or(Error::not_found("store profile"))?;
        Profile::from_row(&row)
    }

    /// The shared copy the other services read.
    pub fn current(&self) -> Current {
        self.current.clone()
    }

    /// Picks up a change saved by another instance.
    pub async fn refresh(&self) -> Result<()> {
        let profile = Self::load(&self.db).await?;
        let currencies = currencies::load(&self.db, profile.currency).await?;
        let words = glossary::load(&self.db).await?;
        self.current.set(profile);
        self.current.set_currencies(currencies);
        self.current.set_words(words);
        Ok(())
    }

    pub fn profile(&self, actor: &Actor) -> Result<Arc<Profile>> {
        actor.require(Permission::Settings)?;
        Ok(self.current.get())
    }

    /// Saves the profile. A new currency relabels every price (see
    /// `currency_change`) and is refused once an order exists. Audited;
    /// an unchanged form writes nothing.
    pub async fn update(&self, actor: &Actor, input: &ProfileInput) -> Result<Profile> {
        actor.require(Permission::Settings)?;
        let next = Profile::read(input)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let before = Self::load(&txn).await?;
        if before == next {
            return Ok(before);
        }
        if before.currency != next.currency {
            currency_change::relabel(&txn, before.currency, next.currency).await?;
            currencies::drop_for_new_base(&txn, next.currency).await?;
            // No other currency is sold until the admin sets rates again.
            crate::catalog::shown_prices::refresh_all(&txn).await?;
        }
        let sold_in = currencies::load(&txn, next.currency).await?;
        store_profile::ActiveModel {
            id: Set(ROW),
            name: Set(next.name.clone()),
            currency: Set(next.currency.code().to_owned()),
            mail_from_name: Set(next.mail_from_name.clone()),
            mail_from_address: Set(next.mail_from_address.clone()),
            order_prefix: Set(next.order_prefix.clone()),
            reviews_require_purchase: Set(next.reviews_require_purchase),
            reviews_auto_publish: Set(next.reviews_auto_publish),
            cart_reminder_hours: Set(next.cart_reminder_hours),
            return_window_days: Set(next.return_window_days),
            updated_at: Set(OffsetDateTime::now_utc()),
        }
        .update(&txn)
        .await?;
        let (old, new) = crate::audit::changed_fields(&before, &next);
        crate::audit::record(
            &txn,
            actor,
            "settings.store",
            "store",
            &next.name,
            Some(old),
            Some(new),
        )
        .await?;
        txn.commit().await?;
        self.current.set(next.clone());
        self.current.set_currencies(sold_in);
        Ok(next)
    }
}
