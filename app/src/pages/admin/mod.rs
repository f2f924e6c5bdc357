mod audit;
mod dashboard;
mod inventory;
mod layout;
mod orders;
mod product_csv;
mod product_editor;
mod product_images;
mod products;
mod search;

pub use audit::AdminAuditPage;
pub use dashboard::AdminDashboardPage;
pub use inventory::AdminInventoryPage;
pub use orders::{AdminOrderPage, AdminOrdersPage};
pub use product_csv::AdminProductCsvPage;
pub use product_editor::AdminProductEditorPage;
pub use products::AdminProductsPage;
pub use search::AdminSearchPage;
