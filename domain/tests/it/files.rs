//! The files port on both adapters: the local folder, and an
//! S3-compatible server when the test command started one
//! (`MERCATO_TEST_S3_URL`); the storefront side (public reads from the
//! bucket) is in the server's catalog_admin tests.
use domain::files::{FileStore, LocalFiles, ObjectFiles, S3Settings};
use domain::Error;

fn settings(endpoint: &str) -> S3Settings {
    S3Settings {
        bucket: std::env::var("MERCATO_TEST_S3_BUCKET").unwrap_or_else(|_| "mercato-test".into()),
        endpoint: Some(endpoint.to_owned()),
        region: "us-east-1".into(),
        access_key_id: Some("mercato-test".into()),
        secret_access_key: Some("mercato-test-secret".into()),
        public_url: Some("https://cdn.example.com/shop/".into()),
    }
}

async fn round_trip(files: &dyn FileStore, base: &str) {
    let key = format!("products/{}.jpg", uuid::Uuid::new_v4().simple());
    let url = files
        .put(&key, b"not really a jpeg".to_vec())
        .await
        .expect("put");
    assert_eq!(url, format!("{base}/{key}"));
    assert_eq!(files.key_of(&url).as_deref(), Some(key.as_str()));
    assert_eq!(
        files
            .key_of("/uploads/demo/tee.svg")
            .filter(|k| k.starts_with("products/")),
        None
    );
    assert_eq!(files.key_of(&format!("{base}/../secret.key")), None);
    assert_eq!(
        files.key_of("https://elsewhere.example/products/a.jpg"),
        None
    );
    files.delete(&key).await.expect("delete");
    files
        .delete(&key)
        .await
        .expect("deleting what is gone is fine");
    assert!(
        files.put("../escape.jpg", vec![1]).await.is_err(),
        "keys cannot climb out"
    );
}

#[tokio::test]
async fn local_files_round_trip() {
    let dir = tempfile::tempdir().expect("dir");
    let files = LocalFiles::new(dir.path(), "/uploads/");
    round_trip(&files, "/uploads").await;
    let url = files
        .put("products/kept.jpg", vec![7; 10])
        .await
        .expect("put");
    assert_eq!(url, "/uploads/products/kept.jpg");
    assert_eq!(
        std::fs::read(dir.path().join("products/kept.jpg")).expect("file"),
        vec![7; 10]
    );
}

#[tokio::test]
async fn bucket_files_round_trip() {
    let Ok(endpoint) = std::env::var("MERCATO_TEST_S3_URL") else {
        eprintln!("skipped: no S3-compatible server (MERCATO_TEST_S3_URL)");
        return;
    };
    let files = ObjectFiles::new(&settings(&endpoint)).expect("settings");
    round_trip(&files, "https://cdn.example.com/shop").await;
}

#[tokio::test]
async fn an_unreachable_bucket_is_unavailable_not_a_crash() {
    let files = ObjectFiles::new(&settings("http://127.0.0.1:9")).expect("settings");
    match files.put("products/a.jpg", vec![1, 2, 3]).await {
        Err(Error::Unavailable { service, .. }) => assert_eq!(service, "file storage"),
        other => panic!("expected unavailable, got {other:?}"),
    }
}
