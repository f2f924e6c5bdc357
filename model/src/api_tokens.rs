//! API tokens for the admin API: what a token may do (scopes), and what
//! staff see of one. The areas are the staff permissions, so a token can
//! never reach further than the areas staff can be given.
use serde::{Deserialize, Serialize};

use crate::accounts::Permission;

/// Reading an area, or reading and changing it.
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
pub enum Access {
    Read,
    Write,
}

/// One grant, written `catalog:read` or `orders:write`. Write includes read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Scope {
    pub area: Permission,
    pub access: Access,
}

impl Scope {
    pub fn new(area: Permission, access: Access) -> Self {
        Self { area, access }
    }

    pub fn parse(s: &str) -> Option<Self> {
        let (area, access) = s.trim().split_once(':')?;
        Some(Self {
            area: Permission::parse(area)?,
            access: access.trim().parse().ok()?,
        })
    }

    /// Whether holding `self` lets the caller do what `needed` names.
    pub fn covers(self, needed: Scope) -> bool {
        self.area == needed.area && (self.access == Access::Write || needed.access == Access::Read)
    }

    /// Every scope a token can hold, in a stable order (the form's boxes).
    pub fn all() -> Vec<Scope> {
        Permission::ALL
            .iter()
            .flat_map(|area| {
                <Access as strum::VariantArray>::VARIANTS
                    .iter()
                    .map(|access| Scope::new(*area, *access))
            })
            .collect()
    }

    /// Reads the stored space-separated list; unknown names are dropped.
    pub fn parse_list(s: &str) -> Vec<Scope> {
        let mut list: Vec<Scope> = s
            .split([' ', ','])
            .filter(|p| !p.is_empty())
            .filter_map(Scope::parse)
            .collect();
        list.sort_unstable();
        list.dedup();
        list
    }

    pub fn join(list: &[Scope]) -> String {
        let mut list = list.to_vec();
        list.sort_unstable();
        list.dedup();
        list.iter()
            .map(Scope::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let access: &str = self.access.into();
        write!(f, "{}:{}", self.area.as_str(), access)
    }
}

/// What staff see of a token: never the secret, which is shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenView {
    pub id: i32,
    pub name: String,
    /// The token's first characters, to tell tokens apart (`mct_1a2b3c4d`).
    pub prefix: String,
    pub scopes: Vec<Scope>,
    /// Unix seconds.
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// Who made it (email), when that account still exists.
    pub created_by: Option<String>,
    /// Neither revoked nor expired when the list was read.
    pub active: bool,
}

/// A new token as the admin asks for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApiToken {
    pub name: String,
    pub scopes: Vec<Scope>,
    /// None: the token does not expire.
    pub expires_in_days: Option<u32>,
}

/// The answer to creating a token: the only time the secret is seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedApiToken {
    pub token: ApiTokenView,
    pub secret: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_round_trip_and_write_covers_read() {
        let list = Scope::parse_list("orders:write catalog:read,bogus:read catalog:delete");
        assert_eq!(
            list,
            vec![
                Scope::new(Permission::Catalog, Access::Read),
                Scope::new(Permission::Orders, Access::Write)
            ]
        );
        assert_eq!(Scope::join(&list), "catalog:read orders:write");
        let write = Scope::new(Permission::Orders, Access::Write);
        let read = Scope::new(Permission::Orders, Access::Read);
        assert!(write.covers(read));
        assert!(!read.covers(write));
        assert!(!write.covers(Scope::new(Permission::Catalog, Access::Read)));
        assert_eq!(Scope::all().len(), Permission::ALL.len() * 2);
    }
}
