//! Wire types for accounts: what the browser may see. Mirrors of the domain
//! types (the WASM build has no `domain`), converted under `ssr`.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub email: String,
    pub name: String,
    pub role: String,
    pub permissions: Vec<String>,
    pub email_verified: bool,
    pub two_factor_enabled: bool,
}

impl CurrentUser {
    pub fn is_staff(&self) -> bool {
        self.role == "staff" || self.role == "admin"
    }

    /// "Ann" or the email's local part.
    pub fn display_name(&self) -> String {
        let name = self.name.split_whitespace().next().unwrap_or_default();
        if name.is_empty() {
            self.email.split('@').next().unwrap_or_default().to_owned()
        } else {
            name.to_owned()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoginResult {
    /// Signed in; go here (a local path).
    SignedIn { next: String },
    /// Password accepted; ask for the 6-digit or recovery code.
    NeedsCode,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub email: String,
    pub name: String,
    pub phone: String,
    pub marketing_opt_in: bool,
    pub email_verified: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    pub id: String,
    pub full_name: String,
    pub company: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
    pub country_name: String,
    pub phone: String,
    pub is_default_shipping: bool,
    pub is_default_billing: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressBook {
    pub addresses: Vec<AddressView>,
    /// (code, name) for the country picker.
    pub countries: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub device: String,
    pub signed_in_at: i64,
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityOverview {
    pub two_factor_enabled: bool,
    pub recovery_codes_left: u64,
    pub sessions: Vec<SessionView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentView {
    pub secret: String,
    pub qr_svg: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerView {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub permissions: Vec<String>,
    pub email_verified: bool,
    pub two_factor_enabled: bool,
    pub disabled: bool,
    pub created_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerOrderView {
    pub number: String,
    pub placed_at: i64,
    pub status: String,
    pub total: super::types::PriceView,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDetailView {
    pub customer: CustomerView,
    pub phone: String,
    pub marketing_opt_in: bool,
    /// One printable line per address.
    pub addresses: Vec<String>,
    pub orders: Vec<CustomerOrderView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    pub customers: Vec<CustomerView>,
    pub total: u64,
    pub page: u64,
}

#[cfg(feature = "ssr")]
mod convert {
    use super::*;
    use domain::accounts as d;

    impl From<d::UserSummary> for CurrentUser {
        fn from(u: d::UserSummary) -> Self {
            Self {
                email: u.email,
                name: u.name,
                role: u.role.as_str().to_owned(),
                permissions: u
                    .permissions
                    .iter()
                    .map(|p| p.as_str().to_owned())
                    .collect(),
                email_verified: u.email_verified,
                two_factor_enabled: u.two_factor_enabled,
            }
        }
    }

    impl From<d::Profile> for ProfileView {
        fn from(p: d::Profile) -> Self {
            Self {
                email: p.email,
                name: p.name,
                phone: p.phone,
                marketing_opt_in: p.marketing_opt_in,
                email_verified: p.email_verified,
            }
        }
    }

    impl From<d::Address> for AddressView {
        fn from(a: d::Address) -> Self {
            Self {
                id: a.id,
                full_name: a.full_name,
                company: a.company,
                line1: a.line1,
                line2: a.line2,
                city: a.city,
                region: a.region,
                postal_code: a.postal_code,
                country: a.country,
                country_name: a.country_name,
                phone: a.phone,
                is_default_shipping: a.is_default_shipping,
                is_default_billing: a.is_default_billing,
            }
        }
    }

    impl From<d::SessionInfo> for SessionView {
        fn from(s: d::SessionInfo) -> Self {
            Self {
                device: s.device,
                signed_in_at: s.signed_in_at,
                current: s.current,
            }
        }
    }

    impl From<d::CustomerRow> for CustomerView {
        fn from(c: d::CustomerRow) -> Self {
            Self {
                id: c.id,
                email: c.email,
                name: c.name,
                role: c.role.as_str().to_owned(),
                permissions: c
                    .permissions
                    .iter()
                    .map(|p| p.as_str().to_owned())
                    .collect(),
                email_verified: c.email_verified,
                two_factor_enabled: c.two_factor_enabled,
                disabled: c.disabled,
                created_at: c.created_at,
            }
        }
    }
}
