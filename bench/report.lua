-- wrk reporter: one machine-readable line per run for bench/pages.sh.
-- Latencies are in microseconds inside wrk; printed here in milliseconds.
done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d requests=%d\n",
    summary.requests / secs,
    latency:percentile(50) / 1000,
    latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status,
    summary.requests))
end
