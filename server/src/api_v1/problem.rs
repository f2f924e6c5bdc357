//! Errors as RFC 9457 problem details (`application/problem+json`): the
//! `AppError` code and message every caller sees, with the field issues.
//! The one error type of the API layer; domain errors arrive through
//! [`From`], logged as the server functions log them.
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

pub const CONTENT_TYPE: &str = "application/problem+json";

/// What went wrong, for the program and for the person reading its log.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemBody {
    /// A URI naming the kind of problem (`…/problems#not_found.product`).
    #[serde(rename = "type")]
    pub kind: String,
    /// Short, the same for every problem of this kind.
    pub title: String,
    pub status: u16,
    /// This occurrence, written for a person.
    pub detail: String,
    /// The stable code to branch on: `validation`, `not_found.product`,
    /// `auth.token_invalid`, `auth.scope` …
    pub code: String,
    /// One entry per wrong field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

#[derive(Debug)]
pub struct Problem(pub model::AppError);

impl Problem {
    pub fn new(code: &str, status: u16, message: impl Into<String>) -> Self {
        Self(model::AppError::new(code, status, message))
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self(model::AppError::invalid(field, message))
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            &format!("not_found.{what}"),
            404,
            format!("No {} has that name.", what.replace('_', " ")),
        )
    }
}

impl From<domain::Error> for Problem {
    fn from(err: domain::Error) -> Self {
        Self(app::request::errors::fail(err))
    }
}

impl From<model::AppError> for Problem {
    fn from(err: model::AppError) -> Self {
        Self(err)
    }
}

fn title(status: StatusCode) -> String {
    status.canonical_reason().unwrap_or("Error").to_owned()
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let err = self.0;
        let status = StatusCode::from_u16(err.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = ProblemBody {
            kind: format!("/api/docs/problems#{}", err.code),
            title: title(status),
            status: status.as_u16(),
            detail: err.message,
            code: err.code,
            errors: err
                .issues
                .into_iter()
                .map(|i| FieldProblem {
                    field: i.field,
                    message: i.message,
                })
                .collect(),
        };
        let mut res = (status, serde_json::to_string(&body).unwrap_or_default()).into_response();
        let headers = res.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        if let Some(secs) = err.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"mercato\""),
            );
        }
        res
    }
}
