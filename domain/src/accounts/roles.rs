//! Who is calling, and what they may do. Services take an [`Actor`] and check
//! it themselves, so a forgotten UI check can never open a door.
use crate::{Error, Result};

pub use model::accounts::{Permission, Role};

/// The caller of a service: nobody, or a signed-in user with a role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Actor {
    user: Option<ActorUser>,
    /// What the call came through when not a session (`API token "ERP"`):
    /// kept on the audit entries it writes.
    via: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct ActorUser {
    id: i32,
    role: Role,
    permissions: Vec<Permission>,
    /// Staff tools are locked until 2FA is on, when the shop requires it.
    staff_locked: bool,
}

impl Actor {
    pub fn anonymous() -> Self {
        Self::default()
    }

    pub fn user(id: i32, role: Role, permissions: Vec<Permission>, staff_locked: bool) -> Self {
        Self {
            user: Some(ActorUser {
                id,
                role,
                permissions,
                staff_locked,
            }),
            via: None,
        }
    }

    /// An API token acting for the admin who made it: staff with the
    /// token's areas (the API checks read or write per route).
    pub fn token(created_by: i32, areas: Vec<Permission>, name: &str) -> Self {
        Self {
            user: Some(ActorUser {
                id: created_by,
                role: Role::Staff,
                permissions: areas,
                staff_locked: false,
            }),
            via: Some(format!("API token \"{name}\"")),
        }
    }

    pub fn via(&self) -> Option<&str> {
        self.via.as_deref()
    }

    pub fn user_id(&self) -> Option<i32> {
        self.user.as_ref().map(|u| u.id)
    }

    pub fn role(&self) -> Option<Role> {
        self.user.as_ref().map(|u| u.role)
    }

    /// The signed-in user's id, or `Unauthenticated`.
    pub fn require_user(&self) -> Result<i32> {
        self.user_id().ok_or(Error::Unauthenticated)
    }

    /// Passes for admins and for staff holding `permission`.
    pub fn require(&self, permission: Permission) -> Result<i32> {
        let user = self.user.as_ref().ok_or(Error::Unauthenticated)?;
        let allowed = match user.role {
            Role::Admin => true,
            Role::Staff => user.permissions.contains(&permission),
            Role::Customer => false,
        };
        if !allowed {
            return Err(Error::Forbidden);
        }
        if user.staff_locked {
            return Err(Error::SecondFactorRequired);
        }
        Ok(user.id)
    }

    /// Passes for admins only (managing staff access).
    pub fn require_admin(&self) -> Result<i32> {
        let user = self.user.as_ref().ok_or(Error::Unauthenticated)?;
        if user.role != Role::Admin {
            return Err(Error::Forbidden);
        }
        if user.staff_locked {
            return Err(Error::SecondFactorRequired);
        }
        Ok(user.id)
    }

    pub fn can(&self, permission: Permission) -> bool {
        self.require(permission).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_checks() {
        let anon = Actor::anonymous();
        let customer = Actor::user(1, Role::Customer, vec![], false);
        let staff = Actor::user(2, Role::Staff, vec![Permission::Orders], false);
        let admin = Actor::user(3, Role::Admin, vec![], false);
        let locked_admin = Actor::user(4, Role::Admin, vec![], true);
        assert!(matches!(
            anon.require(Permission::Orders),
            Err(Error::Unauthenticated)
        ));
        assert!(matches!(
            customer.require(Permission::Orders),
            Err(Error::Forbidden)
        ));
        assert!(staff.require(Permission::Orders).is_ok());
        assert!(matches!(
            staff.require(Permission::Customers),
            Err(Error::Forbidden)
        ));
        assert!(matches!(staff.require_admin(), Err(Error::Forbidden)));
        assert!(admin.require(Permission::Settings).is_ok());
        assert!(admin.require_admin().is_ok());
        assert!(matches!(
            locked_admin.require(Permission::Settings),
            Err(Error::SecondFactorRequired)
        ));
    }

    #[test]
    fn permission_lists_round_trip() {
        let list = Permission::parse_list("orders, catalog,unknown");
        assert_eq!(list, vec![Permission::Orders, Permission::Catalog]);
        assert_eq!(Permission::join(&list), "catalog,orders");
    }
}
