-- wrk script for flood.py: one client searching as fast as it can, as an
-- HTTPS-proxied client (so production's HTTPS redirect does not answer 301),
-- with varying terms, so the searches are not all one page-cache entry.
-- At the end, one line: FLOOD {json} with the status counts, errors and
-- latency distribution.
local terms = {
  "cancer", "trials", "diabetes", "dementia", "genomics", "imaging",
  "vaccine", "obesity", "stroke", "asthma", "kidney", "liver", "heart",
  "mental", "health", "children", "ageing", "data", "surgery", "sepsis",
  "research", "nursing", "pharmacy", "infection", "blood", "brain",
  "lung", "skin", "eye", "bone", "trauma", "pain", "sleep", "diet",
  "exercise", "policy", "equity", "community", "primary", "care",
}
local threads = {}
wrk.headers["X-Forwarded-Proto"] = "https"

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  math.randomseed(os.time() * 100 + id)
  ok, limited, redirected, server_error, other = 0, 0, 0, 0, 0
end

function request()
  local first = terms[math.random(#terms)]
  local second = terms[math.random(#terms)]
  return wrk.format("GET", "/search/?q=" .. first .. "+" .. second)
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  elseif status == 429 then
    limited = limited + 1
  elseif status >= 300 and status < 400 then
    redirected = redirected + 1
  elseif status >= 500 then
    server_error = server_error + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local counts = { ok = 0, limited = 0, redirected = 0, server_error = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(counts) do
      counts[name] = counts[name] + thread:get(name)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'FLOOD {"requests": %d, "seconds": %.3f, "bytes": %d, '
    .. '"status": {"200": %d, "429": %d, "3xx": %d, "5xx": %d, "other": %d}, '
    .. '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}, '
    .. '"latency_ms": {"min": %.2f, "mean": %.2f, "stdev": %.2f, "p50": %.2f, '
    .. '"p75": %.2f, "p90": %.2f, "p95": %.2f, "p99": %.2f, "max": %.2f}}\n',
    summary.requests, summary.duration / 1e6, summary.bytes,
    counts.ok, counts.limited, counts.redirected, counts.server_error, counts.other,
    e.connect, e.read, e.write, e.timeout,
    latency.min / 1000, latency.mean / 1000, latency.stdev / 1000,
    latency:percentile(50) / 1000, latency:percentile(75) / 1000,
    latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
