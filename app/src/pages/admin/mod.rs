mod audit;
mod dashboard;
mod layout;
mod orders;
mod search;

pub use audit::AdminAuditPage;
pub use dashboard::AdminDashboardPage;
pub use orders::{AdminOrderPage, AdminOrdersPage};
pub use search::AdminSearchPage;
