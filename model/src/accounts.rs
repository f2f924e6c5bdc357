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
            Self::Catalog => "Catalog",
            Self::Orders => "Orders",
            Self::Customers => "Customers",
            Self::Promotions => "Promotions",
            Self::Settings => "Settings",
            Self::Analytics => "Analytics",
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
