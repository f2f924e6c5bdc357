mod layout;
mod orders;

pub use orders::{AdminOrderPage, AdminOrdersPage};
