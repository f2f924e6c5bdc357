mod layout;
mod orders;
mod search;

pub use orders::{AdminOrderPage, AdminOrdersPage};
pub use search::AdminSearchPage;
