//! CSV import jobs as rows, on SQLite and PostgreSQL: only the owner reads
//! a job, progress never moves back, the end is recorded, and a job whose
//! instance stopped beating reads as failed.
use domain::catalog::{ImportJobs, ImportOutcome};
use sea_orm::ConnectionTrait;
use testkit::for_each_backend;
use testkit::TestDatabase;

for_each_backend!(a_job_from_start_to_end, |tdb: TestDatabase| async move {
    let db = crate::support::migrated(&tdb.url, 2).await;
    let jobs = ImportJobs::new(db.clone());
    let id = jobs.start(7, 120).await.unwrap();
    assert_eq!(
        jobs.get(&id, 8).await.unwrap(),
        None,
        "another staff member"
    );
    jobs.progress(&id, 50).await.unwrap();
    jobs.progress(&id, 40).await.unwrap();
    let running = jobs.get(&id, 7).await.unwrap().expect("the owner's job");
    assert_eq!(
        (running.state.as_str(), running.done, running.total),
        ("running", 50, 120)
    );
    let outcome = ImportOutcome {
        created: 3,
        updated: 100,
        unchanged: 17,
    };
    jobs.finish(&id, outcome).await.unwrap();
    jobs.progress(&id, 60).await.unwrap();
    let done = jobs.get(&id, 7).await.unwrap().expect("job");
    assert_eq!(done.state, "finished");
    assert_eq!(done.done, 120);
    assert_eq!(done.outcome, Some(outcome));

    let failed = jobs.start(7, 5).await.unwrap();
    jobs.fail(&failed, "Row 3: no such category.")
        .await
        .unwrap();
    let f = jobs.get(&failed, 7).await.unwrap().expect("job");
    assert_eq!(
        (f.state.as_str(), f.error.as_deref()),
        ("failed", Some("Row 3: no such category."))
    );
});

for_each_backend!(
    a_silent_job_reads_as_failed,
    |tdb: TestDatabase| async move {
        let db = crate::support::migrated(&tdb.url, 2).await;
        let jobs = ImportJobs::new(db.clone());
        let id = jobs.start(7, 10).await.unwrap();
        // Its instance died two minutes ago.
        db.execute_unprepared(&format!(
            "UPDATE import_jobs SET beat_at = beat_at - 120 WHERE id = '{id}'"
        ))
        .await
        .unwrap();
        let job = jobs.get(&id, 7).await.unwrap().expect("job");
        assert_eq!(job.state, "failed");
        assert!(job.error.unwrap_or_default().contains("run it again"));
    }
);
