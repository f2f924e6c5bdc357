//! Unix times as the pages print them, in UTC, with no clock crate (the
//! same code runs in the browser).

/// "2026-12-01".
pub fn date(unix: i64) -> String {
    let (y, m, d) = civil(unix);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Year, month (1–12) and day (1–31) of a Unix time, in UTC.
pub fn civil(unix: i64) -> (i64, i64, i64) {
    // Days since the epoch → civil date (proleptic Gregorian).
    let days = unix.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// "2026-12-01 14:05", as staff read times in lists.
pub fn date_time(unix: i64) -> String {
    let secs = unix.rem_euclid(86_400);
    format!("{} {:02}:{:02}", date(unix), secs / 3600, secs % 3600 / 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert_eq!(super::date(0), "1970-01-01");
        assert_eq!(super::date(1_795_219_200), "2026-11-21");
        assert_eq!(
            super::date_time(1_795_219_200 + 14 * 3600 + 5 * 60),
            "2026-11-21 14:05"
        );
    }
}
