//! Catalog files over plain HTTP (bodies too large or too binary for
//! server functions): the CSV export as a stream, the CSV import as a
//! background job with progress, and product image uploads. A route layer
//! turns away anyone without the catalog permission before the body is
//! read; the domain checks the permission again.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::{
    body::{Body, Bytes},
    extract::{Path, Query, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::Deserialize;
use serde_json::json;
use tower_sessions::Session;

use app::request::caller;
use app::request::context::ServerContext;
use app::request::errors::fail;
use domain::catalog::{ImportJob, ImportOutcome};

/// Imports: their rows in the database, which any instance answers a poll
/// from, and the live counts of the imports running on this one (on
/// SQLite the rows only move when the import's transaction commits).
#[derive(Clone)]
pub struct ImportJobs {
    rows: domain::catalog::ImportJobs,
    live: Arc<Mutex<HashMap<String, (i32, ImportJob)>>>,
}

/// How often a running import writes its progress to its row.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);
/// How often it writes anyway, as a heartbeat (see `SILENT_SECS` in the domain).
const BEAT_EVERY: Duration = Duration::from_secs(5);

impl ImportJobs {
    pub fn new(db: sea_orm::DatabaseConnection) -> Self {
        Self {
            rows: domain::catalog::ImportJobs::new(db),
            live: Arc::default(),
        }
    }

    fn update(&self, id: &str, f: impl FnOnce(&mut ImportJob)) {
        if let Ok(mut live) = self.live.lock() {
            if let Some((_, job)) = live.get_mut(id) {
                f(job);
            }
        }
    }

    fn live(&self, id: &str, owner: i32) -> Option<ImportJob> {
        let live = self.live.lock().ok()?;
        live.get(id)
            .filter(|(o, _)| *o == owner)
            .map(|(_, job)| job.clone())
    }

    fn forget(&self, id: &str) {
        if let Ok(mut live) = self.live.lock() {
            live.remove(id);
        }
    }

    /// Records the ended job; the live copy goes once the row says so.
    async fn end(&self, id: &str, result: Result<ImportOutcome, domain::Error>) {
        if let Err(e) = &result {
            tracing::error!(error = %e, "CSV import failed");
        }
        let mut written = Ok(());
        // A few tries: the row is what the other instances read.
        for wait in [0, 1, 4] {
            tokio::time::sleep(Duration::from_secs(wait)).await;
            written = match &result {
                Ok(outcome) => self.rows.finish(id, *outcome).await,
                Err(e) => self.rows.fail(id, &e.user_message()).await,
            };
            if written.is_ok() {
                break;
            }
        }
        match written {
            Ok(()) => self.forget(id),
            Err(e) => {
                tracing::error!(error = %e, "could not record the end of a CSV import");
                self.update(id, |j| match result {
                    Ok(outcome) => {
                        j.state = "finished".into();
                        j.done = j.total;
                        j.outcome = Some(outcome);
                    }
                    Err(e) => {
                        j.state = "failed".into();
                        j.error = Some(e.user_message());
                    }
                });
            }
        }
    }
}

/// Writes a running import's progress to its row, at most every
/// [`PROGRESS_EVERY`], until the import drops its sender.
async fn write_progress(
    rows: domain::catalog::ImportJobs,
    id: String,
    mut done: tokio::sync::watch::Receiver<usize>,
) {
    let mut beat = tokio::time::interval(BEAT_EVERY);
    loop {
        tokio::select! {
            changed = done.changed() => {
                if changed.is_err() {
                    return;
                }
            }
            _ = beat.tick() => {}
        }
        let now = *done.borrow_and_update();
        if let Err(e) = rows.progress(&id, now).await {
            tracing::debug!(error = %e, "import progress not written yet");
        }
        tokio::time::sleep(PROGRESS_EVERY).await;
    }
}

/// Route layer: staff with the catalog permission only, checked from the
/// session before the (up to 20 MB) body is read.
pub async fn catalog_staff_only(
    State(ctx): State<ServerContext>,
    session: Session,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let allowed = match caller::resolve(session, &ctx).await {
        Ok(caller) => caller.actor.require(domain::accounts::Permission::Catalog),
        Err(e) => Err(e),
    };
    match allowed {
        Ok(_) => next.run(req).await,
        Err(e) => failure(e),
    }
}

/// The refusal as every caller reads it (the JSON `AppError`), logged as
/// it deserves.
fn failure(err: domain::Error) -> Response {
    fail(err).into_response()
}

/// `GET /admin/products.csv`
pub async fn export(State(ctx): State<ServerContext>, session: Session) -> Response {
    let caller = match caller::resolve(session, &ctx).await {
        Ok(c) => c,
        Err(e) => return failure(e),
    };
    let currency = ctx.commerce.currency();
    let export = match ctx.catalog.export_csv(&caller.actor, currency).await {
        Ok(e) => e,
        Err(e) => return failure(e),
    };
    let stream = futures_util::stream::unfold(Some(export), |state| async move {
        let mut export = state?;
        match export.next_chunk().await {
            Ok(Some(bytes)) => Some((
                Ok::<Bytes, std::io::Error>(Bytes::from(bytes)),
                Some(export),
            )),
            Ok(None) => None,
            Err(e) => {
                // Headers are gone already; cutting the stream short makes
                // the download fail visibly instead of ending truncated.
                tracing::error!(error = %e, "CSV export failed mid-stream");
                Some((Err(std::io::Error::other("export failed")), None))
            }
        }
    });
    // Fused: the compression layer may poll once more after the end.
    let mut res = Body::from_stream(futures_util::StreamExt::fuse(stream)).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"products.csv\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// `POST /admin/products/import` with the CSV file as the body. Checks the
/// whole file first: 422 with every row's errors, or 202 with a job to poll.
pub async fn import(
    State(ctx): State<ServerContext>,
    State(jobs): State<ImportJobs>,
    session: Session,
    body: Bytes,
) -> Response {
    let caller = match caller::resolve(session, &ctx).await {
        Ok(c) => c,
        Err(e) => return failure(e),
    };
    let currency = ctx.commerce.currency();
    let plan = match ctx
        .catalog
        .check_import(&caller.actor, currency, &body)
        .await
    {
        Ok(Ok(plan)) => plan,
        Ok(Err(errors)) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(json!({ "errors": errors })),
            )
                .into_response()
        }
        Err(e) => return failure(e),
    };
    let total = plan.len();
    let Some(owner) = caller.actor.user_id() else {
        return failure(domain::Error::Unauthenticated);
    };
    let id = match jobs.rows.start(owner, total).await {
        Ok(id) => id,
        Err(e) => return failure(e),
    };
    if let Ok(mut live) = jobs.live.lock() {
        live.insert(
            id.clone(),
            (
                owner,
                ImportJob {
                    done: 0,
                    total,
                    state: "running".into(),
                    outcome: None,
                    error: None,
                },
            ),
        );
    }
    let (job_id, actor) = (id.clone(), caller.actor.clone());
    tokio::spawn(async move {
        let (sender, receiver) = tokio::sync::watch::channel(0usize);
        let writer = tokio::spawn(write_progress(jobs.rows.clone(), job_id.clone(), receiver));
        let progress_jobs = jobs.clone();
        let progress_id = job_id.clone();
        // Its own task, so that even a panic inside ends the job.
        let work = tokio::spawn(async move {
            let progress = move |done: usize, _total: usize| {
                progress_jobs.update(&progress_id, |j| j.done = done);
                sender.send_replace(done);
            };
            ctx.catalog
                .apply_import(&actor, currency, plan, &progress)
                .await
        });
        let result = work
            .await
            .unwrap_or_else(|e| Err(domain::Error::internal(format!("import task: {e}"))));
        // The sender went with the task: the writer stops after its last write.
        let _ = writer.await;
        jobs.end(&job_id, result).await;
    });
    (
        StatusCode::ACCEPTED,
        Json(json!({ "job": id, "total": total })),
    )
        .into_response()
}

/// `GET /admin/products/import/{job}`: progress of the caller's own import.
pub async fn import_status(
    State(ctx): State<ServerContext>,
    State(jobs): State<ImportJobs>,
    session: Session,
    Path(id): Path<String>,
) -> Response {
    let caller = match caller::resolve(session, &ctx).await {
        Ok(c) => c,
        Err(e) => return failure(e),
    };
    if let Err(e) = caller.actor.require(domain::accounts::Permission::Catalog) {
        return failure(e);
    }
    let Some(owner) = caller.actor.user_id() else {
        return failure(domain::Error::Unauthenticated);
    };
    if let Some(job) = jobs.live(&id, owner) {
        return Json(job).into_response();
    }
    match jobs.rows.get(&id, owner).await {
        Ok(Some(job)) => Json(job).into_response(),
        Ok(None) => failure(domain::Error::not_found("import")),
        Err(e) => failure(e),
    }
}

#[derive(Deserialize)]
pub struct ImageQuery {
    #[serde(default)]
    alt: String,
}

/// `POST /admin/products/{slug}/images?alt=…` with the image as the body.
pub async fn upload_image(
    State(ctx): State<ServerContext>,
    session: Session,
    Path(slug): Path<String>,
    Query(q): Query<ImageQuery>,
    body: Bytes,
) -> Response {
    let caller = match caller::resolve(session, &ctx).await {
        Ok(c) => c,
        Err(e) => return failure(e),
    };
    match ctx
        .catalog
        .add_image(
            &caller.actor,
            ctx.files.as_ref(),
            &slug,
            &q.alt,
            body.to_vec(),
        )
        .await
    {
        Ok(image) => (StatusCode::CREATED, Json(image)).into_response(),
        Err(e) => failure(e),
    }
}
