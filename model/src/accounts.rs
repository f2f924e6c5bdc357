//! Who someone is to the shop: a role, and for staff a set of permissions.
//! The names are what the database stores and the browser sends.
use serde::{Deserialize, Serialize};

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Role {
    Customer,
    Staff,
    Admin,
}

impl Role {
    pub const ALL: &'static [Role] = <Self as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Self> {
        s.trim().parse().ok()
    }

    pub fn is_staff(self) -> bool {
        matches!(self, Self::Staff | Self::Admin)
    }
}

/// Named staff permissions. Admins hold all of them.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Permission {
    Catalog,
    Orders,
    Customers,
    Promotions,
    Settings,
    Analytics,
    Reviews,
}

impl Permission {
    pub const ALL: &'static [Permission] = <Self as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Self> {
        s.trim().parse().ok()
    }

    /// What staff read in the admin.
    pub fn label(self) -> &'static str {
        match self {
            Self::Catalog => "Catalog and inventory",
            Self::Orders => "Orders",
            Self::Customers => "Customers",
            Self::Promotions => "Promotions",
            Self::Settings => "Settings",
            Self::Analytics => "Dashboard and reports",
            Self::Reviews => "Reviews",
        }
    }

    /// Reads the stored comma-separated list, ignoring names no longer known.
    pub fn parse_list(s: &str) -> Vec<Self> {
        s.split(',').filter_map(Self::parse).collect()
    }

    pub fn join(list: &[Self]) -> String {
        let mut names: Vec<&str> = list.iter().map(|p| p.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names.join(",")
    }
}

/// The signed-in person as every page sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub public_id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub permissions: Vec<Permission>,
    pub email_verified: bool,
    pub two_factor_enabled: bool,
    /// The account's own language: its mails, and pages whose address
    /// names none.
    #[serde(default)]
    pub locale: crate::Locale,
}

impl UserSummary {
    pub fn is_staff(&self) -> bool {
        self.role.is_staff()
    }

    /// "Ann", or the email's local part when no name was given.
    pub fn display_name(&self) -> String {
        let name = self.name.split_whitespace().next().unwrap_or_default();
        if name.is_empty() {
            self.email.split('@').next().unwrap_or_default().to_owned()
        } else {
            name.to_owned()
        }
    }
}

/// What a password sign-in leads to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoginResult {
    /// Signed in; go here (a local path).
    SignedIn { next: String },
    /// Password accepted; ask for the 6-digit or recovery code.
    NeedsCode,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub email: String,
    pub name: String,
    pub phone: String,
    pub marketing_opt_in: bool,
    /// After a delivery, a mail asks for a review.
    pub review_requests: bool,
    /// One mail about a cart left with items (if the shop sends them).
    pub cart_reminders: bool,
    pub email_verified: bool,
    /// The language the account's mails are written in.
    #[serde(default)]
    pub locale: crate::Locale,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ProfileInput {
    pub name: String,
    pub phone: String,
    pub marketing_opt_in: bool,
    pub review_requests: bool,
    pub cart_reminders: bool,
    /// A new language for the account's mails; `None` keeps the one it has.
    #[serde(default)]
    pub locale: Option<crate::Locale>,
}

/// An address in someone's book, by its public id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub id: String,
    pub full_name: String,
    pub company: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
    pub phone: String,
    pub is_default_shipping: bool,
    pub is_default_billing: bool,
}

impl Address {
    /// "Ann Smith, 1 Main St, Springfield, IL, 62701, US": for lists.
    pub fn one_line(&self) -> String {
        [
            &self.full_name,
            &self.line1,
            &self.line2,
            &self.city,
            &self.region,
            &self.postal_code,
            &self.country,
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// An address as typed, before the domain checks it for its country.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressInput {
    pub full_name: String,
    pub company: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
    pub phone: String,
    pub is_default_shipping: bool,
    pub is_default_billing: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressBook {
    pub addresses: Vec<Address>,
}

/// One place someone is signed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub device: String,
    /// Unix seconds.
    pub signed_in_at: i64,
    pub expires_at: i64,
    pub current: bool,
}

/// What the person types into their authenticator app, or scans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    pub secret: String,
    /// The otpauth URL as an inline SVG QR code.
    pub qr_svg: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityOverview {
    pub two_factor_enabled: bool,
    pub recovery_codes_left: u64,
    pub sessions: Vec<SessionInfo>,
}

/// A person in the staff's customer and staff lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub permissions: Vec<Permission>,
    pub email_verified: bool,
    pub two_factor_enabled: bool,
    pub created_at: i64,
    pub disabled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    pub customers: Vec<CustomerRow>,
    pub total: u64,
    pub page: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerOrder {
    pub number: String,
    pub placed_at: i64,
    pub status: crate::OrderStatus,
    pub total: crate::Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDetail {
    pub customer: CustomerRow,
    pub phone: String,
    pub marketing_opt_in: bool,
    pub addresses: Vec<Address>,
    pub orders: Vec<CustomerOrder>,
    /// What their store credit holds, once they have had any.
    #[serde(default)]
    pub store_credit: Option<crate::Money>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StaffAccessInput {
    pub role: Role,
    pub permissions: Vec<Permission>,
}

/// What a guest asks for about the orders placed with their address.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum GuestRequest {
    /// A copy of their orders.
    Export,
    /// Their details removed from those orders.
    Erase,
}

impl GuestRequest {
    /// The stored (and sent) name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        for &p in Permission::ALL {
            assert_eq!(Permission::parse(p.as_str()), Some(p));
        }
        assert_eq!(Role::parse("root"), None);
        assert_eq!(
            Permission::parse_list("orders, catalog,unknown"),
            vec![Permission::Orders, Permission::Catalog]
        );
        assert_eq!(
            Permission::join(&[Permission::Orders, Permission::Catalog, Permission::Orders]),
            "catalog,orders"
        );
    }
}

/// An identity provider the shop offers ("Continue with Google").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInProvider {
    /// In its URL: `/auth/oidc/{id}`.
    pub id: String,
    pub label: String,
}

/// A provider linked to the signed-in account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedIdentity {
    pub provider: String,
    /// The email it vouched for when linked.
    pub email: String,
    /// Unix seconds.
    pub linked_at: i64,
}

/// The account's sign-in methods, for its security page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInMethods {
    pub has_password: bool,
    pub linked: Vec<LinkedIdentity>,
    /// Every provider the shop offers (linked or not).
    pub providers: Vec<SignInProvider>,
}

/// A link to confirm: "Link your Google sign-in to ann@example.com?".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingLinkView {
    pub label: String,
    pub email: String,
}
