//! Shared UI pieces.
pub mod add_to_cart;
pub mod breadcrumbs;
pub mod cart_state;
pub mod error_panel;
pub mod facets;
pub mod forms;
pub mod hydration;
pub mod layout;
pub mod order_detail;
pub mod pager;
pub mod price;
pub mod product_card;
pub mod search_box;
pub mod seo;
pub mod session;
pub mod site;
pub mod url;
