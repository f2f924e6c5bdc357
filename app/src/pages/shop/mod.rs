mod category;
mod home;
mod not_found;
mod product;

pub use category::CategoryPage;
pub use home::HomePage;
pub use not_found::NotFound;
pub use product::ProductPage;
