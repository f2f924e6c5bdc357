//! A test that hangs must fail, naming itself, instead of holding the whole
//! run until CI's deadline. A hang can block every worker thread of the
//! test's runtime (then no `tokio::time::timeout` fires), so the watchdog is
//! a plain thread. When it bites it prints every thread's stack (with gdb,
//! where installed) so the hang can be diagnosed from the log, then aborts.
use std::io::Write as _;
use std::sync::mpsc;
use std::time::Duration;

/// Far above the slowest test on a loaded two-core CI machine (the hostile
/// input test, ~3 minutes there), far below CI's 90.
pub const LIMIT: Duration = Duration::from_secs(20 * 60);

/// Bites unless dropped within its limit.
pub struct Watchdog {
    _done: mpsc::Sender<()>,
}

impl Watchdog {
    pub fn new(test: &'static str) -> Self {
        Self::with_limit(test, limit())
    }

    pub fn with_limit(test: &'static str, limit: Duration) -> Self {
        let (done, wait) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            // Dropping the sender ends the wait with `Disconnected`.
            if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(limit) {
                say(&format!(
                    "\n*** {test} has not finished in {} s: it hangs. Stacks follow.\n",
                    limit.as_secs()
                ));
                dump_stacks();
                std::process::abort();
            }
        });
        Self { _done: done }
    }
}

/// `MERCATO_TEST_WATCHDOG_SECS` overrides the limit (to try the watchdog).
fn limit() -> Duration {
    std::env::var("MERCATO_TEST_WATCHDOG_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(LIMIT, Duration::from_secs)
}

fn dump_stacks() {
    let pid = std::process::id().to_string();
    let out = std::process::Command::new("gdb")
        .args(["-p", &pid, "-batch", "-nx", "-ex", "thread apply all bt"])
        .output();
    match out {
        Ok(out) => say(&String::from_utf8_lossy(&out.stdout)),
        Err(e) => say(&format!("(no stacks: gdb did not run: {e})\n")),
    }
}

/// Straight to stderr: the test harness captures `eprintln!` (in spawned
/// threads too) and an abort would lose what it holds.
fn say(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}
