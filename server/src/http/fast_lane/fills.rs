//! Renders in progress, by cache key: concurrent misses on one URL wait for
//! the first one's render instead of rendering the page again.
//!
//! Not moka's `entry().or_optionally_insert_with`: its waiters queue on a
//! per-key lock whose release wakes one waiter, and each woken waiter wakes
//! the next, one scheduler turn per waiter. With 1,000 connections waiting
//! on a cold page that chain took seconds once the waiters sat on more than
//! one runtime (bench/RESULTS.md, "Serving threads"). Here the end of the
//! render wakes every waiter at once.
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::watch;

use super::pages::Page;

#[derive(Clone)]
enum Outcome {
    Rendering,
    Kept(Arc<Page>),
    /// Not kept (personal, an error, changed meanwhile): each waiter renders
    /// its own answer.
    NotKept,
}

#[derive(Default)]
pub struct Fills(Mutex<HashMap<String, watch::Receiver<Outcome>>>);

/// What a miss does: render the page, or wait for the render under way.
pub enum Role<'a> {
    Render(Lead<'a>),
    Wait(Waiting),
}

impl Fills {
    pub fn join(&self, key: &str) -> Role<'_> {
        let mut renders = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(under_way) = renders.get(key) {
            return Role::Wait(Waiting(under_way.clone()));
        }
        let (tx, rx) = watch::channel(Outcome::Rendering);
        renders.insert(key.to_owned(), rx);
        Role::Render(Lead {
            fills: self,
            key: key.to_owned(),
            tx,
        })
    }

    fn end(&self, key: &str) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(key);
    }
}

/// The one render of a key under way. Dropped without an outcome (the
/// shopper went away mid-render), its waiters render their own.
pub struct Lead<'a> {
    fills: &'a Fills,
    key: String,
    tx: watch::Sender<Outcome>,
}

impl Lead<'_> {
    /// Tells every waiter at once; call after the page is in the cache, so
    /// that a miss arriving after this finds it there.
    pub fn finish(self, page: Option<Arc<Page>>) {
        self.tx
            .send_replace(page.map_or(Outcome::NotKept, Outcome::Kept));
    }
}

impl Drop for Lead<'_> {
    fn drop(&mut self) {
        self.fills.end(&self.key);
    }
}

pub struct Waiting(watch::Receiver<Outcome>);

impl Waiting {
    /// The page the render kept; `None` when it kept none or was abandoned.
    pub async fn page(mut self) -> Option<Arc<Page>> {
        let outcome = self
            .0
            .wait_for(|o| !matches!(o, Outcome::Rendering))
            .await
            .ok()?;
        match &*outcome {
            Outcome::Kept(page) => Some(page.clone()),
            Outcome::Rendering | Outcome::NotKept => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_second_miss_waits_for_the_first_render() {
        let fills = Fills::default();
        let Role::Render(lead) = fills.join("/p") else {
            panic!("the first miss renders");
        };
        let Role::Wait(waiting) = fills.join("/p") else {
            panic!("the second miss waits");
        };
        assert!(
            matches!(fills.join("/q"), Role::Render(_)),
            "another URL renders on its own"
        );
        lead.finish(None);
        assert!(
            waiting.page().await.is_none(),
            "nothing kept, nothing given"
        );
        assert!(
            matches!(fills.join("/p"), Role::Render(_)),
            "the render ended, so the next miss renders again"
        );
    }

    #[tokio::test]
    async fn an_abandoned_render_releases_its_waiters() {
        let fills = Fills::default();
        let lead = fills.join("/p");
        let Role::Wait(waiting) = fills.join("/p") else {
            panic!("the second miss waits");
        };
        drop(lead);
        let page = tokio::time::timeout(std::time::Duration::from_secs(5), waiting.page()).await;
        assert!(matches!(page, Ok(None)), "the waiter was not released");
    }
}
