//! What the catalog services return to shoppers: the storefront views of
//! `model`, built here.
pub use model::storefront::{
    CategoryCard, CategoryNode, CategoryRef, CategoryView, FacetValue, HomePage, Image,
    ListingSort, ListingState, OptionDef, OptionFacet, ProductCard, ProductDetail, VariantDetail,
    PAGE_SIZE,
};
