//! `POST /account/export`: the signed-in customer's data as a JSON download
//! (GDPR access and portability). A plain form post so the browser saves the
//! file; the password is asked again. `POST /privacy/confirm` spends a
//! guest's mailed link: their orders as a download, or their erasure.
use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Form,
};
use serde::Deserialize;
use tower_sessions::Session;

use app::request::caller;
use app::request::context::ServerContext;

#[derive(Deserialize)]
pub struct ExportForm {
    current_password: String,
}

pub async fn export(
    State(ctx): State<ServerContext>,
    session: Session,
    headers: HeaderMap,
    Form(form): Form<ExportForm>,
) -> Response {
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let result = async {
        let caller = caller::resolve(session, &ctx).await?;
        ctx.accounts
            .export_data(&caller.actor, &form.current_password)
            .await
    }
    .await;
    match result {
        Ok(export) => download(&export, "my-account-data.json"),
        Err(domain::Error::Unauthenticated) if wants_html => {
            Redirect::to("/signin?next=/account/privacy").into_response()
        }
        Err(domain::Error::Validation { .. }) if wants_html => {
            Redirect::to("/account/privacy?export=wrong-password").into_response()
        }
        Err(err) => {
            let status = match &err {
                domain::Error::Unauthenticated => StatusCode::UNAUTHORIZED,
                domain::Error::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
                e if e.is_internal() => {
                    tracing::error!(error = %e, "export failed");
                    StatusCode::INTERNAL_SERVER_ERROR
                }
                _ => StatusCode::BAD_REQUEST,
            };
            (status, err.user_message()).into_response()
        }
    }
}

/// The export as a JSON file download, never cached.
fn download(export: &impl serde::Serialize, filename: &str) -> Response {
    let body = match serde_json::to_vec_pretty(export) {
        Ok(body) => body,
        Err(e) => {
            tracing::error!(error = %e, "cannot encode export");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// `POST /admin/customers/{id}/export`: staff download a customer's data
/// on their request (permission `customers`; audited).
pub async fn staff_export(
    State(ctx): State<ServerContext>,
    session: Session,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Response {
    let result = async {
        let caller = caller::resolve(session, &ctx).await?;
        ctx.accounts.export_for_customer(&caller.actor, &id).await
    }
    .await;
    match result {
        Ok(export) => download(
            &export,
            &format!(
                "customer-{}.json",
                id.chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect::<String>()
            ),
        ),
        Err(err) => {
            if err.is_internal() {
                tracing::error!(error = %err, "customer export failed");
            }
            (app::request::errors::status_for(&err), err.user_message()).into_response()
        }
    }
}

#[derive(Deserialize)]
pub struct GuestConfirmForm {
    token: String,
}

/// `POST /privacy/confirm` from the page a guest's mailed link opens.
pub async fn guest_confirm(
    State(ctx): State<ServerContext>,
    Form(form): Form<GuestConfirmForm>,
) -> Response {
    use domain::accounts::GuestOutcome;
    match ctx.accounts.confirm_guest_privacy(&form.token).await {
        Ok(GuestOutcome::Exported(export)) => download(&export, "my-orders.json"),
        Ok(GuestOutcome::Erased(_)) => Redirect::to("/privacy-request?done=erased").into_response(),
        Err(domain::Error::Validation { .. }) => {
            Redirect::to("/privacy-request?done=expired").into_response()
        }
        Err(err) => {
            if err.is_internal() {
                tracing::error!(error = %err, "guest data request failed");
            }
            (app::request::errors::status_for(&err), err.user_message()).into_response()
        }
    }
}
