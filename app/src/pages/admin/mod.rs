mod dashboard;
mod layout;
mod orders;
mod search;

pub use dashboard::AdminDashboardPage;
pub use orders::{AdminOrderPage, AdminOrdersPage};
pub use search::AdminSearchPage;
