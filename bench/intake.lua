-- wrk script: POST /api/v1/reports with a bearer token (TOKEN env), counting 201 answers so the
-- caller can check that every acknowledged report is in the database.
local token = os.getenv("TOKEN")
-- With DELAY_MS set, each connection pauses that long between requests: N connections then offer
-- at most N * 1000 / DELAY_MS requests per second (wrk has no fixed-rate mode of its own).
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local areas = { "MR0101", "MR0102", "MR0103", "MR0201", "MR0202", "MR0203" }
local cats = { "hate_speech", "intercommunal_tension", "crime", "service_grievance", "displacement" }
local threads = {}
local n = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  created = 0
  others = 0
  math.randomseed(id * 7919 + 1)
end

function request()
  n = n + 1
  local day = 1 + math.random(0, 27)
  local body = string.format(
    '{"area":"%s","category":"%s","severity":%d,"occurred_at":"2026-10-%02dT10:00:00Z","description":"bench report %d"}',
    areas[math.random(#areas)], cats[math.random(#cats)], math.random(1, 3), day, n)
  return wrk.format("POST", "/api/v1/reports", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end

function delay()
  return delay_ms
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else others = others + 1 end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("others")
  end
  io.write(string.format("ACKED %d\nOTHER %d\n", c, o))
end
