//! The audit log as admins read it.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Unix seconds, UTC.
    pub at: i64,
    /// The staff member's email, "system", or "erased account".
    pub who: String,
    pub action: String,
    pub entity: String,
    pub entity_ref: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// One page of the log for a search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    /// The search as it was answered.
    pub q: String,
    pub entries: Vec<AuditEntry>,
    pub total: u64,
    pub page: u64,
    pub page_count: u64,
}
