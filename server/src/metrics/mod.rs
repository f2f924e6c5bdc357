//! What `/metrics` reports, in the OpenMetrics text format Prometheus
//! scrapes (prometheus-client). [`Metrics`] holds what requests and
//! searches move as they happen; what the database, the caches and the
//! order counters hold is read when the scrape comes ([`scrape`]).
mod scrape;
mod search;

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use axum::http::Method;
use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue, LabelValueEncoder};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::Registry;

pub use scrape::{scrape, Sources};
pub use search::Observed;

/// Every name starts with this.
const PREFIX: &str = "mercato";

/// A route as the router knows it (`/product/{slug}`), never the path a
/// client sent: the label's values stay as few as the routes.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub struct Route(Arc<str>);

static UNMATCHED: LazyLock<Route> = LazyLock::new(|| Route::new("(unmatched)"));
static STATIC_FILES: LazyLock<Route> = LazyLock::new(|| Route::new("(static files)"));

impl Route {
    pub fn new(template: &str) -> Self {
        Self(Arc::from(template))
    }

    /// No route took the request (a 404 from the fallback, a refusal in a
    /// layer before routing).
    pub fn unmatched() -> Self {
        UNMATCHED.clone()
    }

    /// The site's own files, answered from memory before routing.
    pub fn static_files() -> Self {
        STATIC_FILES.clone()
    }
}

impl EncodeLabelValue for Route {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> Result<(), std::fmt::Error> {
        use std::fmt::Write as _;
        encoder.write_str(&self.0)
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: Route,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LatencyLabels {
    method: &'static str,
    route: Route,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct SearchLabels {
    engine: &'static str,
    operation: &'static str,
}

type Timings<L> = Family<L, Histogram, fn() -> Histogram>;

/// 0.25 ms to about 4 s, doubling: a cached page sits in the first
/// buckets, a slow render or a search under load in the last.
fn timing_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.000_25, 2.0, 15))
}

fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

struct Inner {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Timings<LatencyLabels>,
    search: Timings<SearchLabels>,
    search_errors: Family<SearchLabels, Counter>,
    /// Scrapers from elsewhere than loopback must send it.
    token: Option<String>,
}

#[derive(Clone)]
pub struct Metrics(Arc<Inner>);

impl Metrics {
    /// `build`: what `mercato_build_info` says about this process.
    pub fn new(build: Vec<(String, String)>, token: Option<String>) -> Self {
        let mut registry = Registry::with_prefix(PREFIX);
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route, method and status",
            requests.clone(),
        );
        let latency: Timings<LatencyLabels> =
            Family::new_with_constructor(timing_histogram as fn() -> Histogram);
        registry.register(
            "http_request_duration_seconds",
            "Time from a request's arrival to its response head, by route and method",
            latency.clone(),
        );
        let search: Timings<SearchLabels> =
            Family::new_with_constructor(timing_histogram as fn() -> Histogram);
        registry.register(
            "search_duration_seconds",
            "Time the search engine took, by engine and operation",
            search.clone(),
        );
        let search_errors = Family::<SearchLabels, Counter>::default();
        registry.register(
            "search_errors",
            "Search engine calls that failed, by engine and operation",
            search_errors.clone(),
        );
        registry.register("build", "The running build", Info::new(build));
        Self(Arc::new(Inner {
            registry,
            requests,
            latency,
            search,
            search_errors,
            token,
        }))
    }

    pub fn observe_request(&self, method: &Method, route: Route, status: u16, took: Duration) {
        let method = method_label(method);
        self.0
            .latency
            .get_or_create(&LatencyLabels {
                method,
                route: route.clone(),
            })
            .observe(took.as_secs_f64());
        self.0
            .requests
            .get_or_create(&RequestLabels {
                method,
                route,
                status,
            })
            .inc();
    }

    fn observe_search(
        &self,
        engine: &'static str,
        operation: &'static str,
        took: Duration,
        failed: bool,
    ) {
        let labels = SearchLabels { engine, operation };
        self.0
            .search
            .get_or_create(&labels)
            .observe(took.as_secs_f64());
        if failed {
            self.0.search_errors.get_or_create(&labels).inc();
        }
    }

    pub fn token(&self) -> Option<&str> {
        self.0.token.as_deref()
    }

    fn registry(&self) -> &Registry {
        &self.0.registry
    }
}
