//! The glossary of option and attribute words (`model::glossary`).
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};
use model::glossary::WordRow;
use model::AppError;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// Every word options and attributes use, and every word translated.
#[server(prefix = "/api/staff/catalog", endpoint = "words", input = GetUrl)]
pub async fn staff_words() -> Result<Vec<WordRow>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.store.word_rows(&caller.actor).await.map_err(fail)
}

/// Sets the glossary to the rows with a translation.
#[server(prefix = "/api/staff/catalog", endpoint = "save-words", input = Json)]
pub async fn save_words(rows: Vec<WordRow>) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.store
        .save_words(&caller.actor, &rows)
        .await
        .map_err(fail)
}
