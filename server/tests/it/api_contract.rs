//! The contract test: a headless client buys with nothing but HTTP and the
//! OpenAPI document — it finds each operation in the document by its id,
//! fills the path template, and follows what the answers say: list →
//! product → cart → quote → place (a retry with the same Idempotency-Key
//! is the same order, and so is another key while it waits for payment) → pay at
//! the payment page the order names (the shop's offline test page) → the
//! order reads `paid`. On SQLite and PostgreSQL.
use serde_json::{json, Value};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::browser::Browser;
use crate::support::TestApp;

/// The API as a client knows it: the served document.
struct Client<'a> {
    app: &'a TestApp,
    doc: Value,
}

impl<'a> Client<'a> {
    async fn new(app: &'a TestApp) -> Self {
        let doc = app.get("/api/v1/openapi.json").await.text().await.unwrap();
        Self {
            app,
            doc: serde_json::from_str(&doc).unwrap(),
        }
    }

    /// (method, path template) of the operation with this id.
    fn operation(&self, id: &str) -> (reqwest::Method, String) {
        for (path, item) in self.doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                if op["operationId"] == id {
                    let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
                    return (m, path.clone());
                }
            }
        }
        panic!("no operation {id} in the document");
    }

    async fn call(
        &self,
        id: &str,
        params: &[(&str, &str)],
        query: &str,
        body: Option<Value>,
        key: Option<&str>,
    ) -> (u16, Value, reqwest::header::HeaderMap) {
        let (method, mut path) = self.operation(id);
        for (name, value) in params {
            path = path.replace(&format!("{{{name}}}"), value);
        }
        assert!(!path.contains('{'), "every parameter of {path} given");
        let mut req = self
            .app
            .client
            .request(method, self.app.url(&format!("{path}{query}")));
        if let Some(key) = key {
            req = req.header("idempotency-key", key);
        }
        if let Some(body) = body {
            req = req
                .header("content-type", "application/json")
                .body(body.to_string());
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap();
        let value = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap()
        };
        (status, value, headers)
    }
}

for_each_backend!(
    a_headless_purchase_from_list_to_paid,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let api = Client::new(&app).await;

        // List: the first product in stock, cheapest first.
        let (status, list, _) = api
            .call(
                "list_products",
                &[],
                "?in_stock=true&sort=price_asc",
                None,
                None,
            )
            .await;
        assert_eq!(status, 200, "{list}");
        let slug = list["data"][0]["slug"].as_str().unwrap().to_owned();

        // Product: a variant that can be bought.
        let (status, product, _) = api
            .call("get_product", &[("slug", &slug)], "", None, None)
            .await;
        assert_eq!(status, 200, "{product}");
        let variant = product["variants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["available"].as_i64().unwrap() >= 2)
            .expect("a variant with two units")
            .clone();
        let sku = variant["sku"].as_str().unwrap().to_owned();

        // Cart: open one, add two units.
        let (status, cart, _) = api.call("create_cart", &[], "", None, None).await;
        assert_eq!(status, 201, "{cart}");
        let cart_id = cart["id"].as_str().unwrap().to_owned();
        let (status, cart, _) = api
            .call(
                "add_cart_line",
                &[("id", &cart_id)],
                "",
                Some(json!({"sku": sku, "quantity": 2})),
                None,
            )
            .await;
        assert_eq!(status, 200, "{cart}");
        assert_eq!(cart["item_count"], 2);
        assert_eq!(
            cart["subtotal"]["amount_minor"].as_i64().unwrap(),
            2 * variant["price"]["amount_minor"].as_i64().unwrap()
        );

        // Quote: shipping options for the destination; pick the first.
        let destination = json!({"email": "headless@example.com", "country": "US", "region": "CA"});
        let (status, quote, _) = api
            .call(
                "quote_cart",
                &[("id", &cart_id)],
                "",
                Some(destination.clone()),
                None,
            )
            .await;
        assert_eq!(status, 200, "{quote}");
        let method = quote["shipping_options"][0]["code"]
            .as_str()
            .unwrap()
            .to_owned();
        let mut chosen = destination;
        chosen["shipping_method"] = json!(method);
        let (_, quote, _) = api
            .call("quote_cart", &[("id", &cart_id)], "", Some(chosen), None)
            .await;
        let total = quote["total"]["amount_minor"].as_i64().unwrap();
        let parts = ["subtotal", "shipping", "tax"]
            .iter()
            .map(|k| quote[*k]["amount_minor"].as_i64().unwrap())
            .sum::<i64>()
            - quote["discount"]["amount_minor"].as_i64().unwrap();
        if !quote["prices_include_tax"].as_bool().unwrap() {
            assert_eq!(total, parts, "{quote}");
        }

        // Place: with a key; the retry is the same order.
        let order = json!({
            "email": "headless@example.com",
            "address": {"full_name": "Hedy Less", "line1": "1 Main St", "city": "Sacramento",
                        "region": "CA", "postal_code": "95814", "country": "US"},
            "shipping_method": method,
            "expected_total_minor": total,
        });
        let (status, missing_key, _) = api
            .call(
                "place_order",
                &[("id", &cart_id)],
                "",
                Some(order.clone()),
                None,
            )
            .await;
        assert_eq!(status, 400, "{missing_key}");
        assert_eq!(missing_key["code"], "idempotency.required");
        let key = uuid::Uuid::new_v4().to_string();
        let (status, placed, _) = api
            .call(
                "place_order",
                &[("id", &cart_id)],
                "",
                Some(order.clone()),
                Some(&key),
            )
            .await;
        assert_eq!(status, 201, "{placed}");
        let (status, again, headers) = api
            .call(
                "place_order",
                &[("id", &cart_id)],
                "",
                Some(order.clone()),
                Some(&key),
            )
            .await;
        assert_eq!(status, 201, "{again}");
        assert_eq!(again, placed, "the retry answers with the same order");
        assert_eq!(headers["idempotent-replayed"], "true");
        // Another key on the same cart finds the cart's order still waiting for
        // payment, and answers with it: one cart, one open order.
        let (status, other, _) = api
            .call(
                "place_order",
                &[("id", &cart_id)],
                "",
                Some(order),
                Some(&uuid::Uuid::new_v4().to_string()),
            )
            .await;
        assert_eq!(status, 201, "{other}");
        assert_eq!(other["number"], placed["number"]);

        let order_id = placed["order_id"].as_str().unwrap().to_owned();
        let (status, before, _) = api
            .call("get_order", &[("id", &order_id)], "", None, None)
            .await;
        assert_eq!(status, 200, "{before}");
        assert_eq!(before["status"], "pending_payment");
        assert_eq!(before["total"]["amount_minor"].as_i64().unwrap(), total);
        assert_eq!(before["lines"][0]["sku"], sku.as_str());
        assert_eq!(before["lines"][0]["quantity"], 2);

        // Pay: the payment page the order names (the offline gateway's, here
        // its own server functions, as the page uses them) approves it.
        let url = placed["payment_url"].as_str().unwrap();
        let reference = url.rsplit('/').next().unwrap();
        let mut shopper = Browser::new(&app);
        let decided = shopper
            .post(
                "/api/pay/offline/decide",
                &[("reference", reference), ("approve", "true")],
            )
            .await;
        assert_eq!(decided.status, 200, "{}", decided.body);

        let (status, after, _) = api
            .call("get_order", &[("id", &order_id)], "", None, None)
            .await;
        assert_eq!(status, 200, "{after}");
        assert_eq!(after["status"], "paid", "{after}");
        assert_eq!(after["number"], placed["number"]);
    }
);
