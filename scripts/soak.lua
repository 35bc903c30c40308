-- wrk script for soak.sh: rotate through SOAK_PATHS as an HTTPS-proxied client.
local paths = {}
for path in string.gmatch(os.getenv("SOAK_PATHS") or "/", "%S+") do
  table.insert(paths, path)
end
local i = 0
local headers = { ["X-Forwarded-Proto"] = "https" }

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "SOAK requests=%d errors_status=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f rps=%.1f\n",
    summary.requests, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
