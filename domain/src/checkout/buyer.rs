//! Who is buying. A signed-in customer buys as the address they signed in
//! with, whatever the form sent (it cannot be used to order, or take a
//! one-per-customer code, in someone else's name); a guest buys as what
//! they typed.
use sea_orm::EntityTrait;

use super::Checkout;
use crate::cart::CartOwner;
use crate::entities::user;
use crate::Result;
use model::commerce::QuoteView;

impl Checkout {
    pub(super) async fn buyer_email(&self, owner: &CartOwner, typed: &str) -> Result<String> {
        match owner {
            CartOwner::User(id) => Ok(user::Entity::find_by_id(*id)
                .one(&self.c.db)
                .await?
                .map(|u| u.email)
                .unwrap_or_else(|| typed.to_owned())),
            CartOwner::Guest(_) => Ok(typed.to_owned()),
        }
    }

    /// A signed-in customer's review page offers their address book and
    /// shows the email the order will go to.
    pub(super) async fn for_customer(
        &self,
        owner: &CartOwner,
        email: String,
        mut view: QuoteView,
    ) -> Result<QuoteView> {
        if let CartOwner::User(id) = owner {
            view.addresses = crate::accounts::address_book(&self.c.db, *id).await?;
            view.email = Some(email);
        }
        Ok(view)
    }
}
