//! Staff-facing account tools: the customer list (permission `customers`),
//! granting staff access (admins only) and bootstrapping the first admin
//! from the CLI.
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use super::register::is_unique_violation;
use super::{
    now, password, sessions, Accounts, Actor, CustomerRow, Email, Permission, Role,
    StaffAccessInput,
};
use crate::entities::user;
use crate::{Error, Result};

pub(super) fn row(u: user::Model) -> CustomerRow {
    CustomerRow {
        id: u.public_id,
        email: u.email,
        name: u.name,
        role: Role::parse(&u.role).unwrap_or(Role::Customer),
        permissions: Permission::parse_list(&u.permissions),
        email_verified: u.email_verified_at.is_some(),
        two_factor_enabled: u.totp_enabled_at.is_some(),
        created_at: u.created_at.unix_timestamp(),
        disabled: u.disabled_at.is_some(),
    }
}

impl Accounts {
    /// Newest first, 50 per page (1-based); `q` matches email or name.
    pub async fn list_customers(
        &self,
        actor: &Actor,
        q: &str,
        page: u64,
    ) -> Result<(Vec<CustomerRow>, u64)> {
        actor.require(Permission::Customers)?;
        let mut query = user::Entity::find()
            .filter(user::Column::ErasedAt.is_null())
            .order_by_desc(user::Column::Id);
        let text = crate::bounds::text(q.trim(), crate::bounds::MAX_QUERY_CHARS)
            .to_lowercase()
            .replace(['%', '_'], "");
        if !text.is_empty() {
            use sea_orm::sea_query::{Expr, ExprTrait, Func};
            let like = format!("%{text}%");
            query = query.filter(
                sea_orm::Condition::any()
                    .add(Expr::expr(Func::lower(Expr::col(user::Column::Email))).like(like.clone()))
                    .add(Expr::expr(Func::lower(Expr::col(user::Column::Name))).like(like)),
            );
        }
        let total = query.clone().count(&self.db).await?;
        let rows = query
            .paginate(&self.db, 50)
            .fetch_page(crate::bounds::page(page) - 1)
            .await?;
        Ok((rows.into_iter().map(row).collect(), total))
    }

    /// Changes someone's role and permissions. Their sessions end, so the new
    /// rights take effect with a fresh session id.
    pub async fn set_staff_access(
        &self,
        actor: &Actor,
        public_id: &str,
        input: StaffAccessInput,
    ) -> Result<()> {
        let me = actor.require_admin()?;
        let txn = crate::db::begin_write(&self.db).await?;
        let target = user::Entity::find()
            .filter(user::Column::PublicId.eq(public_id))
            .filter(user::Column::ErasedAt.is_null())
            .one(&txn)
            .await?
            .ok_or(Error::not_found("account"))?;
        if target.id == me && input.role != Role::Admin {
            return Err(Error::Conflict(
                "You can't remove your own admin role.".into(),
            ));
        }
        let permissions = if input.role == Role::Staff {
            Permission::join(&input.permissions)
        } else {
            String::new()
        };
        let target_id = target.id;
        let before = serde_json::json!({ "role": target.role, "permissions": target.permissions });
        let after = serde_json::json!({ "role": input.role.as_str(), "permissions": permissions });
        crate::audit::record(
            &txn,
            actor,
            "staff.access",
            "user",
            public_id,
            Some(before),
            Some(after),
        )
        .await?;
        let mut active: user::ActiveModel = target.into();
        active.role = Set(input.role.as_str().to_owned());
        active.permissions = Set(permissions);
        active.updated_at = Set(now());
        active.update(&txn).await?;
        sessions::revoke_all(&txn, target_id, None).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Staff and admin accounts, for the admins' staff page.
    pub async fn list_staff(&self, actor: &Actor) -> Result<Vec<CustomerRow>> {
        actor.require_admin()?;
        Ok(user::Entity::find()
            .filter(user::Column::ErasedAt.is_null())
            .filter(user::Column::Role.is_in([Role::Staff.as_str(), Role::Admin.as_str()]))
            .order_by_asc(user::Column::Email)
            .all(&self.db)
            .await?
            .into_iter()
            .map(row)
            .collect())
    }

    /// Admins invite staff by email: a new staff account with these
    /// permissions and no password; the invitation mail carries a single-use
    /// link (three days) to choose one. Returns the new account's id.
    pub async fn invite_staff(
        &self,
        actor: &Actor,
        email: &str,
        permissions: &[Permission],
    ) -> Result<String> {
        actor.require_admin()?;
        let email = Email::parse(email)?;
        let now = now();
        let public_id = uuid::Uuid::new_v4().to_string();
        let txn = crate::db::begin_write(&self.db).await?;
        let inserted = user::ActiveModel {
            public_id: Set(public_id.clone()),
            email: Set(email.as_str().to_owned()),
            // Using the emailed link proves the address.
            email_verified_at: Set(Some(now)),
            password_hash: Set(String::new()),
            name: Set(String::new()),
            phone: Set(String::new()),
            role: Set(Role::Staff.as_str().to_owned()),
            permissions: Set(Permission::join(permissions)),
            marketing_opt_in: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        let user = match inserted {
            Ok(u) => u,
            Err(e) if is_unique_violation(&e) => {
                return Err(Error::Conflict(
                    "That email already has an account; change its access from its customer page instead."
                        .into(),
                ))
            }
            Err(e) => return Err(e.into()),
        };
        let token = super::one_time::issue(
            &txn,
            user.id,
            super::one_time::RESET_PASSWORD,
            std::time::Duration::from_secs(3 * 24 * 3600),
        )
        .await?;
        self.templates
            .enqueue(
                &txn,
                crate::mail::MailKind::StaffInvite,
                email.as_str(),
                minijinja::context! {
                    link => self.templates.link(&format!("/reset-password?token={token}")),
                    admin_link => self.templates.link("/admin"),
                },
            )
            .await?;
        crate::audit::record(
            &txn,
            actor,
            "staff.invite",
            "user",
            email.as_str(),
            None,
            Some(serde_json::json!({ "permissions": Permission::join(permissions) })),
        )
        .await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(public_id)
    }

    /// `mercato admin create`: a verified admin account.
    pub async fn create_admin(
        &self,
        email: &str,
        password_input: &str,
        name: &str,
    ) -> Result<String> {
        let email = Email::parse(email)?;
        password::check_policy(password_input, email.as_str())?;
        let hash = password::hash(password_input).await?;
        let now = now();
        let public_id = uuid::Uuid::new_v4().to_string();
        let inserted = user::ActiveModel {
            public_id: Set(public_id.clone()),
            email: Set(email.as_str().to_owned()),
            email_verified_at: Set(Some(now)),
            password_hash: Set(hash),
            name: Set(name.trim().to_owned()),
            phone: Set(String::new()),
            role: Set(Role::Admin.as_str().to_owned()),
            permissions: Set(String::new()),
            marketing_opt_in: Set(false),
            totp_secret: Set(None),
            totp_enabled_at: Set(None),
            totp_last_step: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            erased_at: Set(None),
            ..Default::default()
        }
        .insert(&self.db)
        .await;
        match inserted {
            Ok(_) => Ok(public_id),
            Err(e) if is_unique_violation(&e) => Err(Error::Conflict(format!(
                "An account for {} already exists.",
                email.as_str()
            ))),
            Err(e) => Err(e.into()),
        }
    }
}

/// Permission names as a form sends them ("catalog", "orders" …, in one
/// comma-separated string or several values); an unknown name is an error
/// naming it.
pub fn permissions_named<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Vec<Permission>> {
    names
        .into_iter()
        .flat_map(|list| list.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|name| {
            Permission::parse(name).ok_or_else(|| {
                crate::Error::validation("permissions", format!("Unknown permission {name:?}."))
            })
        })
        .collect()
}
