//! Shared rate limits on SQLite and PostgreSQL: a burst is allowed and the
//! next request refused with a wait; buckets are independent; two
//! instances (two pools on one database) share one budget; concurrent
//! requests never take more than the budget; pruning keeps busy buckets.
use std::time::Duration;

use domain::rate_limits::{Quota, RateLimits, Verdict};
use testkit::for_each_backend;
use testkit::TestDatabase;

const FIVE_A_MINUTE: Quota = Quota {
    requests: 5,
    per: Duration::from_secs(60),
};

async fn limits(tdb: &TestDatabase, pool: u32) -> RateLimits {
    let db = crate::support::migrated(&tdb.url, pool).await;
    RateLimits::new(db)
}

for_each_backend!(a_burst_then_a_wait, |tdb: TestDatabase| async move {
    let limits = limits(&tdb, 2).await;
    for _ in 0..5 {
        assert_eq!(
            limits.take("auth:10.0.0.1", FIVE_A_MINUTE).await.unwrap(),
            Verdict::Allowed
        );
    }
    let Verdict::Limited { retry_after } =
        limits.take("auth:10.0.0.1", FIVE_A_MINUTE).await.unwrap()
    else {
        panic!("the sixth request within a minute was allowed");
    };
    // One request comes back every 12 s.
    assert!(retry_after > Duration::ZERO && retry_after <= Duration::from_secs(12));
    // Another client, and another class for the same client, are untouched.
    assert_eq!(
        limits.take("auth:10.0.0.2", FIVE_A_MINUTE).await.unwrap(),
        Verdict::Allowed
    );
    assert_eq!(
        limits
            .take("checkout:10.0.0.1", FIVE_A_MINUTE)
            .await
            .unwrap(),
        Verdict::Allowed
    );
});

for_each_backend!(
    two_instances_share_one_budget,
    |tdb: TestDatabase| async move {
        let first = limits(&tdb, 2).await;
        let second = limits(&tdb, 2).await;
        let mut allowed = 0;
        for i in 0..10 {
            let instance = if i % 2 == 0 { &first } else { &second };
            if instance.take("auth:10.0.0.9", FIVE_A_MINUTE).await.unwrap() == Verdict::Allowed {
                allowed += 1;
            }
        }
        assert_eq!(
            allowed, 5,
            "round-robin over two instances gave {allowed}, not 5"
        );
    }
);

for_each_backend!(
    concurrent_requests_never_exceed_the_budget,
    |tdb: TestDatabase| async move {
        let limits = limits(&tdb, 5).await;
        let tasks: Vec<_> = (0..40)
            .map(|_| {
                let limits = limits.clone();
                tokio::spawn(async move { limits.take("auth:10.0.0.7", FIVE_A_MINUTE).await })
            })
            .collect();
        let mut allowed = 0;
        for task in tasks {
            if task.await.unwrap().unwrap() == Verdict::Allowed {
                allowed += 1;
            }
        }
        assert_eq!(
            allowed, 5,
            "40 racing requests took {allowed} of a budget of 5"
        );
    }
);

for_each_backend!(
    pruning_keeps_buckets_in_use,
    |tdb: TestDatabase| async move {
        let limits = limits(&tdb, 2).await;
        let brief = Quota {
            requests: 1,
            per: Duration::from_millis(1),
        };
        limits.take("auth:10.0.0.3", brief).await.unwrap();
        limits.take("auth:10.0.0.4", FIVE_A_MINUTE).await.unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
        // The 1 ms bucket is full again; the minute one is not.
        assert_eq!(limits.prune().await.unwrap(), 1);
        for _ in 0..4 {
            assert_eq!(
                limits.take("auth:10.0.0.4", FIVE_A_MINUTE).await.unwrap(),
                Verdict::Allowed
            );
        }
        assert!(matches!(
            limits.take("auth:10.0.0.4", FIVE_A_MINUTE).await.unwrap(),
            Verdict::Limited { .. }
        ));
    }
);
