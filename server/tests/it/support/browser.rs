//! A cookie-keeping HTTP client that behaves like one browser tab: it sends
//! same-origin fetch metadata, keeps the session cookie, and lets a test
//! read that cookie (to prove the id changes at sign-in).
#![allow(dead_code)]

use super::TestApp;

/// The session cookie's name: `__Host-` prefixed when the shop is https.
pub const COOKIE: &str = "mercato_session";

fn session_cookie(name: &str) -> bool {
    name == COOKIE || name == "__Host-mercato_session"
}

pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub session: Option<String>,
    /// The session cookie's name as the server set it.
    pub cookie_name: String,
    /// Other cookies sent with every request (`currency=EUR`).
    pub cookies: Vec<String>,
}

pub struct Reply {
    pub status: u16,
    pub body: String,
    pub headers: reqwest::header::HeaderMap,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The reply as the typed view it is (a `model` type).
    pub fn view<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not a {} ({e}): {}", std::any::type_name::<T>(), self.body))
    }

    /// The error this reply carries (a JSON `AppError`).
    pub fn error(&self) -> model::AppError {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not an AppError ({e}): {}", self.body))
    }

    /// The message of a server-function error.
    pub fn message(&self) -> String {
        self.error().message
    }
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Self {
            app,
            session: None,
            cookie_name: COOKIE.to_owned(),
            cookies: Vec::new(),
        }
    }

    fn remember(&mut self, res: &reqwest::Response) {
        for value in res.headers().get_all(reqwest::header::SET_COOKIE) {
            let Ok(value) = value.to_str() else { continue };
            let Some((name, rest)) = value.split_once('=') else {
                continue;
            };
            if !session_cookie(name) {
                continue;
            }
            self.cookie_name = name.to_owned();
            let id = rest.split(';').next().unwrap_or_default();
            self.session = (!id.is_empty() && !value.contains("Max-Age=0")).then(|| id.to_owned());
        }
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> Reply {
        let mut cookies = self.cookies.clone();
        if let Some(id) = &self.session {
            cookies.push(format!("{}={id}", self.cookie_name));
        }
        let req = if cookies.is_empty() {
            req
        } else {
            req.header(reqwest::header::COOKIE, cookies.join("; "))
        };
        let res = req.send().await.expect("request");
        self.remember(&res);
        Reply {
            status: res.status().as_u16(),
            headers: res.headers().clone(),
            body: res.text().await.expect("body"),
        }
    }

    /// A form POST from our own pages (as a server function call or a form).
    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Reply {
        let req = self
            .app
            .client
            .post(self.app.url(path))
            .header("origin", format!("http://{}", self.app.addr))
            .header("sec-fetch-site", "same-origin")
            .form(form);
        self.send(req).await
    }

    /// A `<form>` submitted by a browser running no JavaScript: it accepts
    /// HTML and names the page it came from.
    pub async fn submit(&mut self, from: &str, action: &str, form: &[(&str, &str)]) -> Reply {
        let req = self
            .app
            .client
            .post(self.app.url(action))
            .header("origin", format!("http://{}", self.app.addr))
            .header("sec-fetch-site", "same-origin")
            .header("accept", "text/html,application/xhtml+xml")
            .header("referer", self.app.url(from))
            .form(form);
        self.send(req).await
    }

    /// A POST with a raw body (JSON server functions, file uploads).
    pub async fn post_body(&mut self, path: &str, content_type: &str, body: Vec<u8>) -> Reply {
        let req = self
            .app
            .client
            .post(self.app.url(path))
            .header("origin", format!("http://{}", self.app.addr))
            .header("sec-fetch-site", "same-origin")
            .header("content-type", content_type)
            .body(body);
        self.send(req).await
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        let req = self
            .app
            .client
            .get(self.app.url(path))
            .header("accept", "text/html");
        self.send(req).await
    }

    /// A GET server function called the way our WASM client calls it.
    pub async fn get_json(&mut self, path: &str) -> Reply {
        let req = self
            .app
            .client
            .get(self.app.url(path))
            .header("accept", "application/json");
        self.send(req).await
    }

    /// The signed-in user's email, or None.
    pub async fn whoami(&mut self) -> Option<String> {
        let reply = self.post("/api/me", &[]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()["email"].as_str().map(str::to_owned)
    }

    pub async fn register(&mut self, email: &str, password: &str) -> Reply {
        self.post(
            "/api/auth/register",
            &[
                ("email", email),
                ("password", password),
                ("name", "Test Person"),
            ],
        )
        .await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Reply {
        self.post(
            "/api/auth/login",
            &[("email", email), ("password", password)],
        )
        .await
    }
}
