//! The site's own files (the JS/WASM/CSS bundle and the public assets) held
//! in memory, compressed once at startup: a request for one is answered
//! without touching the disk, the blocking pool or a compressor.
//! Uploads stay on disk (they grow while the shop runs).
use std::collections::HashMap;
use std::path::Path;

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Request, Response, StatusCode};
use bytes::Bytes;

use super::encoding::{Effort, Encoded, Encoding};

/// Files larger than this stay on disk (none of ours comes close).
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// A site root with more files than this is not ours: stop reading.
const MAX_FILES: usize = 10_000;
/// Once per start: worth brotli's better ratio on the bundle.
const EFFORT: Effort = Effort { brotli: 9, gzip: 9 };

struct Asset {
    content_type: HeaderValue,
    cache_control: HeaderValue,
    etag: HeaderValue,
    body: Encoded,
}

pub struct Assets {
    files: HashMap<String, Asset>,
}

fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || [
            "application/javascript",
            "application/json",
            "application/wasm",
            "application/xml",
            "image/svg+xml",
        ]
        .iter()
        .any(|t| content_type.starts_with(t))
}

impl Assets {
    /// Reads every file under `site_root`; `pkg_prefix` ("/pkg") holds the
    /// bundle, immutable when its names are content-hashed.
    pub fn load(site_root: &Path, pkg_prefix: &str, hashed: bool) -> std::io::Result<Self> {
        let mut files = HashMap::new();
        let mut pending = vec![site_root.to_path_buf()];
        while let Some(dir) = pending.pop() {
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                // No site built yet (a bare test set-up): nothing to hold.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            for entry in entries {
                let entry = entry?;
                let meta = entry.metadata()?;
                let path = entry.path();
                if meta.is_dir() {
                    pending.push(path);
                    continue;
                }
                if !meta.is_file() || meta.len() > MAX_FILE_BYTES || files.len() >= MAX_FILES {
                    continue;
                }
                let Ok(relative) = path.strip_prefix(site_root) else {
                    continue;
                };
                let url = format!(
                    "/{}",
                    relative
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/")
                );
                let body = Bytes::from(std::fs::read(&path)?);
                let content_type = mime_guess::from_path(&path)
                    .first_or_octet_stream()
                    .essence_str()
                    .to_owned();
                let cache_control = if url.starts_with(&format!("{pkg_prefix}/")) {
                    if hashed {
                        "public, max-age=31536000, immutable"
                    } else {
                        "no-cache"
                    }
                } else {
                    "public, max-age=3600"
                };
                let etag = super::etag("", &body);
                let encoded = if compressible(&content_type) {
                    Encoded::compress(body, EFFORT)
                } else {
                    Encoded::identity(body)
                };
                let text =
                    content_type.starts_with("text/") || content_type == "application/javascript";
                let content_type = if text {
                    format!("{content_type}; charset=utf-8")
                } else {
                    content_type
                };
                files.insert(
                    url,
                    Asset {
                        content_type: HeaderValue::from_str(&content_type)
                            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
                        cache_control: HeaderValue::from_static(cache_control),
                        etag,
                        body: encoded,
                    },
                );
            }
        }
        Ok(Self { files })
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The answer for `req` when its path is one of the files.
    pub fn respond<B>(&self, req: &Request<B>, baseline: &HeaderMap) -> Option<Response<Body>> {
        let asset = self.files.get(req.uri().path())?;
        let mut res = if super::not_modified(req.headers(), &asset.etag) {
            let mut res = Response::new(Body::empty());
            *res.status_mut() = StatusCode::NOT_MODIFIED;
            res
        } else {
            let (bytes, encoding) = asset.body.pick(Encoding::negotiate(req.headers()));
            let mut res = Response::new(Body::from(bytes));
            if let Some(value) = encoding.header() {
                res.headers_mut().insert(header::CONTENT_ENCODING, value);
            }
            res.headers_mut()
                .insert(header::CONTENT_TYPE, asset.content_type.clone());
            res
        };
        let headers = res.headers_mut();
        headers.insert(header::CACHE_CONTROL, asset.cache_control.clone());
        headers.insert(header::ETAG, asset.etag.clone());
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        for (name, value) in baseline {
            headers.insert(name, value.clone());
        }
        res.extensions_mut()
            .insert(crate::metrics::Route::static_files());
        Some(res)
    }
}
