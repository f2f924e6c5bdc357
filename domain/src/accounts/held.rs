//! Signed-in users held in memory between changes, and the record of which
//! accounts changed when, which the server's session store consults for
//! the sessions it holds. Every instance drops a user's held copies when
//! the change feed names them (topic `account`: the account changed or one
//! of its sessions was revoked), so a revocation reaches every instance
//! within a poll, and the instance that made it before it answers.
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::{Actor, UserSummary};

/// How long anything is held: bounds the changes to remember too.
pub const HELD_FOR: Duration = Duration::from_secs(300);
/// Users held at once.
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
}

/// The users behind signed-in sessions, as [`super::Accounts::actor`]
/// answers them.
pub struct HeldAccounts {
    pub epochs: Arc<AccountEpochs>,
    users: moka::sync::Cache<i32, Read<Arc<(Actor, UserSummary)>>>,
}

impl Default for HeldAccounts {
    fn default() -> Self {
        Self {
            epochs: Arc::default(),
            users: moka::sync::Cache::builder()
                .max_capacity(MAX_USERS)
                .time_to_live(HELD_FOR)
                .build(),
        }
    }
}

impl HeldAccounts {
    pub(super) fn user(&self, id: i32) -> Option<Arc<(Actor, UserSummary)>> {
        let held = self.users.get(&id)?;
        if self.epochs.fresh(id, held.epoch) {
            Some(held.value)
        } else {
            self.users.invalidate(&id);
            None
        }
    }

    pub(super) fn keep_user(&self, id: i32, epoch: u64, value: Arc<(Actor, UserSummary)>) {
        if self.epochs.fresh(id, epoch) {
            self.users.insert(id, Read { epoch, value });
        }
    }

    /// The account changed, or one of its sessions was revoked.
    pub fn forget(&self, user: i32) {
        self.epochs.changed(user);
        self.users.invalidate(&user);
    }

    /// The feed could not say which (it overflowed).
    pub fn forget_all(&self) {
        self.epochs.all_changed();
        self.users.invalidate_all();
    }
}
