-- wrk script: GET /dashboard with a bearer token (TOKEN), each connection pausing DELAY_MS between
-- requests so that N connections offer about N * 1000 / DELAY_MS requests per second.
local token = os.getenv("TOKEN")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
wrk.headers["Authorization"] = "Bearer " .. token
function delay() return delay_ms end
