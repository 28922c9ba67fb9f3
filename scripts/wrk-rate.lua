-- wrk script for a fixed request rate: each connection waits DELAY_MS (environment variable)
-- after every answer before sending its next request, so C connections send about
-- C * 1000 / (DELAY_MS + latency) requests per second. scripts/bench uses it for latency at a
-- given load (plain wrk measures at saturation only).
local delay_ms = tonumber(os.getenv("DELAY_MS") or "10")

function delay()
  return delay_ms
end
