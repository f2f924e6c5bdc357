//! Catalog files over plain HTTP (bodies too large or too binary for
//! server functions): the CSV export as a stream, the CSV import as a
//! background job with progress, and product image uploads. A route layer
//! turns away anyone without the catalog permission before the body is
//! read; the domain checks the permission again.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::{
    body::{Body, Bytes},
    extract::{Path, Query, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use tower_sessions::Session;

use app::request::caller;
use app::request::context::ServerContext;
use app::request::errors::fail;
use domain::catalog::ImportOutcome;

/// Imports running or recently finished, by job id.
#[derive(Clone, Default)]
pub struct ImportJobs(Arc<Mutex<HashMap<String, Job>>>);

#[derive(Clone, Debug, Serialize)]
pub struct Job {
    pub done: usize,
    pub total: usize,
    /// `running`, `finished` or `failed`.
    pub state: &'static str,
    pub outcome: Option<ImportOutcome>,
    pub error: Option<String>,
    #[serde(skip)]
    owner: Option<i32>,
    #[serde(skip)]
    ended: Option<Instant>,
}

const KEEP_FINISHED: Duration = Duration::from_secs(3600);

impl ImportJobs {
    fn update(&self, id: &str, f: impl FnOnce(&mut Job)) {
        if let Ok(mut jobs) = self.0.lock() {
            if let Some(job) = jobs.get_mut(id) {
                f(job);
            }
        }
    }

    fn start(&self, owner: Option<i32>, total: usize) -> String {
        let id = uuid::Uuid::new_v4().simple().to_string();
        if let Ok(mut jobs) = self.0.lock() {
            jobs.retain(|_, j| j.ended.is_none_or(|t| t.elapsed() < KEEP_FINISHED));
            jobs.insert(
                id.clone(),
                Job {
                    done: 0,
                    total,
                    state: "running",
                    outcome: None,
                    error: None,
                    owner,
                    ended: None,
                },
            );
        }
        id
    }

    fn get(&self, id: &str) -> Option<Job> {
        self.0.lock().ok().and_then(|jobs| jobs.get(id).cloned())
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
    let id = jobs.start(caller.actor.user_id(), total);
    let (job_id, actor) = (id.clone(), caller.actor.clone());
    tokio::spawn(async move {
        let progress_jobs = jobs.clone();
        let progress_id = job_id.clone();
        let progress = move |done: usize, _total: usize| {
            progress_jobs.update(&progress_id, |j| j.done = done);
        };
        let result = ctx
            .catalog
            .apply_import(&actor, currency, plan, &progress)
            .await;
        jobs.update(&job_id, |j| {
            j.ended = Some(Instant::now());
            match result {
                Ok(outcome) => {
                    j.state = "finished";
                    j.done = j.total;
                    j.outcome = Some(outcome);
                }
                Err(e) => {
                    tracing::error!(error = %e, "CSV import failed");
                    j.state = "failed";
                    j.error = Some(e.user_message());
                }
            }
        });
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
    match jobs.get(&id) {
        Some(job) if job.owner == caller.actor.user_id() => Json(job).into_response(),
        _ => failure(domain::Error::not_found("import")),
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
