use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// What URLs and exports show; the integer id never leaves the server.
    pub public_id: String,
    /// Normalised (trimmed, lower-case); unique.
    pub email: String,
    pub email_verified_at: Option<TimeDateTimeWithTimeZone>,
    /// PHC string (argon2id). Empty once the account is erased.
    pub password_hash: String,
    pub name: String,
    pub phone: String,
    /// customer | staff | admin
    pub role: String,
    /// Comma-separated staff permissions (see `accounts::Permission`).
    pub permissions: String,
    pub marketing_opt_in: bool,
    /// Receives the "how was it?" mail after a delivery.
    pub review_requests: bool,
    /// Base32 TOTP secret: set at enrolment, active once `totp_enabled_at` is set.
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<TimeDateTimeWithTimeZone>,
    /// Last accepted TOTP time step, so a code cannot be replayed.
    pub totp_last_step: Option<i64>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub erased_at: Option<TimeDateTimeWithTimeZone>,
    /// Set by staff: the account can't sign in until enabled again.
    pub disabled_at: Option<TimeDateTimeWithTimeZone>,
    /// The language the account's mails speak (the one it was opened in).
    pub locale: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
