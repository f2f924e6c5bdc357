//! Accounts: registration, sign-in (password, then TOTP when enabled),
//! verification and reset tokens, profile and address book, roles and
//! permissions, GDPR export and erasure. Every mail goes through the outbox
//! in the same transaction as the change that caused it.
mod addresses;
mod countries;
mod customers;
pub mod email;
mod guest_privacy;
pub mod held;
pub mod identities;
mod login;
mod one_time;
pub mod password;
mod privacy;
pub(crate) use privacy::rfc3339;
mod profile;
mod register;
mod reset;
pub mod roles;
mod scrub;
mod sessions;
mod staff;
pub use staff::permissions_named;
mod throttle;
pub mod tokens;
mod two_factor;

use std::sync::Arc;
use std::time::Duration;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::entities::user;
pub(crate) use crate::entities::user as user_entity;
use crate::mail::Templates;
use crate::outbox::OutboxSignal;
use crate::{Error, Result};

pub(crate) use addresses::address_book;
pub use addresses::{countries, validate as addresses_validate};
pub use email::Email;
pub use guest_privacy::{GuestExport, GuestOutcome, GuestRequest};
pub use login::LoginOutcome;
pub use model::accounts::{
    Address, AddressInput, CustomerDetail, CustomerOrder, CustomerRow, Profile, ProfileInput,
    SessionInfo, StaffAccessInput, UserSummary,
};
pub use privacy::AccountExport;
pub use register::{Registration, Verified};
pub use roles::{Actor, Permission, Role};
pub use sessions::{
    session_key, SESSION_LOCALE, SESSION_SIGNED_IN_AT, SESSION_USER_AGENT, SESSION_USER_ID,
};
pub use two_factor::{totp, Enrolment, RecoveryCodes};

#[derive(Clone, Debug)]
pub struct AccountSettings {
    /// Absolute base for links in mail, e.g. `https://shop.example.com`.
    pub public_url: String,
    /// Staff and admins must turn on 2FA before staff tools open.
    pub require_staff_2fa: bool,
    /// Failed sign-ins (per email) before a temporary lockout.
    pub lockout_after: i32,
    pub lockout_for: Duration,
    pub reset_ttl: Duration,
    pub verify_ttl: Duration,
    /// Seals TOTP secrets at rest.
    pub secrets: crate::secrets::SecretBox,
    /// Staff sign in with this identity provider only (never a password).
    pub staff_provider: Option<StaffProvider>,
}

/// The identity provider staff must sign in with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffProvider {
    pub id: String,
    pub label: String,
}

impl Default for AccountSettings {
    /// For tests: a random key that lives as long as the process.
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:3000".into(),
            require_staff_2fa: false,
            lockout_after: 5,
            lockout_for: Duration::from_secs(15 * 60),
            reset_ttl: Duration::from_secs(3600),
            verify_ttl: Duration::from_secs(48 * 3600),
            secrets: crate::secrets::SecretBox::random(),
            staff_provider: None,
        }
    }
}

#[derive(Clone)]
pub struct Accounts {
    db: DatabaseConnection,
    settings: Arc<AccountSettings>,
    templates: Arc<Templates>,
    store: crate::store::Current,
    outbox: OutboxSignal,
    held: Arc<held::HeldAccounts>,
}

impl Accounts {
    pub fn new(
        db: DatabaseConnection,
        settings: AccountSettings,
        store: crate::store::Current,
        outbox: OutboxSignal,
    ) -> Result<Self> {
        let templates = Templates::new(store.clone(), &settings.public_url)?;
        Ok(Self {
            db,
            settings: Arc::new(settings),
            templates: Arc::new(templates),
            store,
            outbox,
            held: Arc::default(),
        })
    }

    /// Signed-in users held between changes; the change feed tells it
    /// which accounts changed, the session store asks it which are fresh.
    pub fn held(&self) -> &Arc<held::HeldAccounts> {
        &self.held
    }

    pub fn settings(&self) -> &AccountSettings {
        &self.settings
    }

    /// The caller behind a session's user id. A vanished or erased account
    /// is anonymous.
    pub async fn actor(&self, user_id: Option<i32>) -> Result<(Actor, Option<UserSummary>)> {
        let Some(id) = user_id else {
            return Ok((Actor::anonymous(), None));
        };
        if let Some(held) = self.held.user(id) {
            return Ok((held.0.clone(), Some(held.1.clone())));
        }
        let epoch = self.held.epochs.begin();
        let Some(user) = self.find_active(id).await? else {
            return Ok((Actor::anonymous(), None));
        };
        let summary = summary(&user);
        let role = summary.role;
        let staff_locked =
            self.settings.require_staff_2fa && role.is_staff() && user.totp_enabled_at.is_none();
        let actor = Actor::user(user.id, role, summary.permissions.clone(), staff_locked);
        self.held
            .keep_user(id, epoch, (actor.clone(), summary.clone()));
        Ok((actor, Some(summary)))
    }

    pub async fn summary(&self, actor: &Actor) -> Result<UserSummary> {
        let user = self.require_active(actor).await?;
        Ok(summary(&user))
    }

    /// Not erased and not disabled: a disabled account's sessions count as
    /// signed out.
    async fn find_active(&self, id: i32) -> Result<Option<user::Model>> {
        Ok(user::Entity::find_by_id(id)
            .filter(user::Column::ErasedAt.is_null())
            .filter(user::Column::DisabledAt.is_null())
            .one(&self.db)
            .await?)
    }

    async fn require_active(&self, actor: &Actor) -> Result<user::Model> {
        let id = actor.require_user()?;
        self.find_active(id).await?.ok_or(Error::Unauthenticated)
    }

    async fn find_by_email(&self, email: &Email) -> Result<Option<user::Model>> {
        Ok(user::Entity::find()
            .filter(user::Column::Email.eq(email.as_str()))
            .filter(user::Column::ErasedAt.is_null())
            .one(&self.db)
            .await?)
    }
}

fn summary(user: &user::Model) -> UserSummary {
    UserSummary {
        public_id: user.public_id.clone(),
        email: user.email.clone(),
        name: user.name.clone(),
        role: Role::parse(&user.role).unwrap_or(Role::Customer),
        permissions: Permission::parse_list(&user.permissions),
        email_verified: user.email_verified_at.is_some(),
        two_factor_enabled: user.totp_enabled_at.is_some(),
        locale: model::Locale::from_tag(&user.locale).unwrap_or_default(),
    }
}

fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}
