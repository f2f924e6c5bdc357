//! What a signed-in shopper's every page reads, held in memory between
//! changes: their user, their cart, their wishlist and their store credit
//! (the account page's), and the record of
//! which accounts changed when, which the server's session store consults
//! for the sessions it holds. Every instance drops a user's held copies when
//! the change feed names them (topic `account`: the account, its cart, its
//! wishlist or its store credit changed, or one of its sessions was
//! revoked), so a change
//! reaches every instance within a poll, and the instance that made it
//! before it answers.
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use model::commerce::CartView;
use model::wishlist::WishlistView;
use model::Money;

use super::{Actor, UserSummary};

/// How long anything is held: bounds the changes to remember too.
pub const HELD_FOR: Duration = Duration::from_secs(300);
/// Carts and wishlists are priced from the catalog, whose stock moves
/// without a change row while it stays in one band (the "only N left"
/// lines): they are read again after this long, and at once when the
/// catalog changes.
pub const PRICED_FOR: Duration = Duration::from_secs(30);
/// Users, carts and wishlists held at once, each.
const MAX_USERS: u64 = 100_000;
/// Changes remembered at once; beyond it everything held is dropped.
const MAX_CHANGES: usize = 100_000;

/// A copy read when the epoch was `epoch`.
#[derive(Clone)]
struct Read<T> {
    epoch: u64,
    value: T,
}

/// When each account last changed, in epochs: a copy read at an epoch at or
/// before its account's last change is stale, whenever it was stored.
#[derive(Default)]
pub struct AccountEpochs {
    epoch: AtomicU64,
    /// Copies read at or before this are stale (everything was dropped).
    floor: AtomicU64,
    changed: Mutex<HashMap<i32, (u64, Instant)>>,
}

impl AccountEpochs {
    /// Taken before reading a copy from the database.
    pub fn begin(&self) -> u64 {
        self.epoch.load(Ordering::Acquire)
    }

    /// Whether a copy of `user`'s read at `epoch` is still good.
    pub fn fresh(&self, user: i32, epoch: u64) -> bool {
        if epoch < self.floor.load(Ordering::Acquire) {
            return false;
        }
        let changed = self.changed.lock().unwrap_or_else(PoisonError::into_inner);
        changed.get(&user).is_none_or(|(at, _)| epoch > *at)
    }

    fn changed(&self, user: i32) {
        let at = self.epoch.fetch_add(1, Ordering::AcqRel);
        let mut changed = self.changed.lock().unwrap_or_else(PoisonError::into_inner);
        changed.insert(user, (at, Instant::now()));
        if changed.len() > MAX_CHANGES {
            // Nothing held is older than HELD_FOR; a flood beyond that
            // drops everything instead of forgetting a change.
            changed.retain(|_, (_, when)| when.elapsed() < HELD_FOR);
            if changed.len() > MAX_CHANGES {
                changed.clear();
                self.floor.store(at + 1, Ordering::Release);
            }
        }
    }

    fn all_changed(&self) {
        let at = self.epoch.fetch_add(1, Ordering::AcqRel);
        self.floor.store(at + 1, Ordering::Release);
        self.changed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// The epoch after which copies read now are stale.
    fn next(&self) -> u64 {
        self.epoch.fetch_add(1, Ordering::AcqRel) + 1
    }
}

type Held<T> = moka::sync::Cache<i32, Read<Arc<T>>>;

fn held<T: Send + Sync + 'static>(ttl: Duration) -> Held<T> {
    moka::sync::Cache::builder()
        .max_capacity(MAX_USERS)
        .time_to_live(ttl)
        .build()
}

/// The users behind signed-in sessions, as [`super::Accounts::actor`]
/// answers them, and their carts and wishlists as their pages show them
/// (guests' are never held: nothing in the feed names them).
pub struct HeldAccounts {
    pub epochs: Arc<AccountEpochs>,
    users: Held<(Actor, UserSummary)>,
    /// With the language its titles are in.
    carts: Held<(model::Locale, CartView)>,
    /// With the language and currency it shows in.
    wishlists: Held<(crate::wishlist::Shown, WishlistView)>,
    credits: Held<Option<Money>>,
    /// Carts and wishlists read before this epoch were priced from a
    /// catalog that has changed since.
    priced_floor: AtomicU64,
}

impl Default for HeldAccounts {
    fn default() -> Self {
        Self {
            epochs: Arc::default(),
            users: held(HELD_FOR),
            carts: held(PRICED_FOR),
            wishlists: held(PRICED_FOR),
            credits: held(HELD_FOR),
            priced_floor: AtomicU64::new(0),
        }
    }
}

impl HeldAccounts {
    /// What `cache` holds for `user` if nothing changed since it was read
    /// (at or after `floor`).
    fn current<T: Send + Sync + 'static>(
        &self,
        cache: &Held<T>,
        user: i32,
        floor: u64,
    ) -> Option<Arc<T>> {
        let held = cache.get(&user)?;
        if held.epoch >= floor && self.epochs.fresh(user, held.epoch) {
            Some(held.value)
        } else {
            cache.invalidate(&user);
            None
        }
    }

    fn keep<T: Send + Sync + 'static>(&self, cache: &Held<T>, user: i32, epoch: u64, value: T) {
        if self.epochs.fresh(user, epoch) {
            cache.insert(
                user,
                Read {
                    epoch,
                    value: Arc::new(value),
                },
            );
        }
    }

    fn priced_floor(&self) -> u64 {
        self.priced_floor.load(Ordering::Acquire)
    }

    pub(super) fn user(&self, id: i32) -> Option<Arc<(Actor, UserSummary)>> {
        self.current(&self.users, id, 0)
    }

    pub(super) fn keep_user(&self, id: i32, epoch: u64, value: (Actor, UserSummary)) {
        self.keep(&self.users, id, epoch, value);
    }

    /// The customer's cart as [`crate::cart::Carts::view`] answered it, and
    /// the language of its titles.
    pub fn cart(&self, user: i32) -> Option<Arc<(model::Locale, CartView)>> {
        self.current(&self.carts, user, self.priced_floor())
    }

    /// Keeps a cart read at `epoch` (taken with [`AccountEpochs::begin`]
    /// before the read).
    pub fn keep_cart(&self, user: i32, epoch: u64, locale: model::Locale, cart: CartView) {
        self.keep(&self.carts, user, epoch, (locale, cart));
    }

    /// The customer's wishlist and the language and currency it shows in.
    pub fn wishlist(&self, user: i32) -> Option<Arc<(crate::wishlist::Shown, WishlistView)>> {
        self.current(&self.wishlists, user, self.priced_floor())
    }

    pub fn keep_wishlist(
        &self,
        user: i32,
        epoch: u64,
        shown: crate::wishlist::Shown,
        list: WishlistView,
    ) {
        self.keep(&self.wishlists, user, epoch, (shown, list));
    }

    /// The customer's store credit as [`crate::gift_cards::GiftCards`]
    /// read it.
    pub fn credit(&self, user: i32) -> Option<Arc<Option<Money>>> {
        self.current(&self.credits, user, 0)
    }

    pub fn keep_credit(&self, user: i32, epoch: u64, credit: Option<Money>) {
        self.keep(&self.credits, user, epoch, credit);
    }

    /// The account, its cart, its wishlist or its store credit changed, or
    /// one of its sessions was revoked.
    pub fn forget(&self, user: i32) {
        self.epochs.changed(user);
        self.users.invalidate(&user);
        self.carts.invalidate(&user);
        self.wishlists.invalidate(&user);
        self.credits.invalidate(&user);
    }

    /// A product, price or the store changed: every cart and wishlist is
    /// priced anew.
    pub fn forget_priced(&self) {
        self.priced_floor
            .store(self.epochs.next(), Ordering::Release);
        self.carts.invalidate_all();
        self.wishlists.invalidate_all();
    }

    /// The feed could not say which (it overflowed).
    pub fn forget_all(&self) {
        self.epochs.all_changed();
        self.users.invalidate_all();
        self.carts.invalidate_all();
        self.wishlists.invalidate_all();
        self.credits.invalidate_all();
    }
}
