//! What a server function knows about the request it answers, on the
//! server only: the shared services ([`context::ServerContext`]), who is
//! calling ([`caller`]: the session turned into a domain `Actor`, sign-in
//! limits, the guest cart), and how a refusal becomes the answer
//! ([`errors`]). The server crate builds the context and routes requests;
//! the pages never see this module.
pub mod audience;
pub mod cache_deps;
pub mod caller;
pub mod context;
pub mod currency;
pub mod errors;
pub mod identity;
pub mod shell;
pub mod shown;
