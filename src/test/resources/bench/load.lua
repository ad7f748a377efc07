-- The benchmark's wrk script. Run with one connection per thread (-t N -c N), so each thread's
-- state is its connection's state.
--   wrk ... -s load.lua URL -- single METHOD PATH [BODY]   one request, repeated
--   wrk ... -s load.lua URL -- pair FIRST_PATH SECOND_PATH   POST FIRST (empty form), read
--       _access_number and _access_code from its JSON answer, POST SECOND with them on the same
--       connection, repeat (request-interaction + match-interaction; allocate + release)
-- done() prints one line "BENCH-RESULT {json}": per request kind, counts by status, latency
-- percentiles (microseconds), answers later than the timeout, and requests unanswered at the end
-- for over a second ("open") or over the timeout ("openLate").
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *now);
]]
local clock = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local TIMEOUT_US = 10 * 1000000
local HELD_US = 1000000
local SCALE = 40 -- histogram buckets per e-fold: 2.5 % resolution

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local mode, first, second, method, body
local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local pending_number, pending_code
-- Everything done() reads is a global scalar: wrk's thread:get copies nested tables wrongly, so
-- per kind K there are K_count, K_late, K_max, K_lo/K_hi (histogram range), K_statuses (a list),
-- K_s<status> and K_h<bucket> (counts). kind and started: the request in flight and since when.
kind = nil
started = nil
function init(args)
  mode = args[1]
  if mode == "single" then
    method, first, body = args[2], args[3], args[4] or ""
  else
    first, second = args[2], args[3]
  end
end

local function encode(value)
  return (value:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  started = now_us()
  if mode == "single" then
    kind = "single"
    if method == "GET" then
      return wrk.format("GET", first)
    end
    return wrk.format(method, first, form, body)
  end
  if pending_number then
    kind = "second"
    local form_body = "_access_number=" .. encode(pending_number) .. "&_access_code=" .. encode(pending_code)
    pending_number, pending_code = nil, nil
    return wrk.format("POST", second, form, form_body)
  end
  kind = "first"
  return wrk.format("POST", first, form, "")
end

local function add(name, n)
  _G[name] = (_G[name] or 0) + n
end

function response(status, headers, response_body)
  local latency = now_us() - started
  local k = kind
  add(k .. "_count", 1)
  local status_key = k .. "_s" .. status
  if not _G[status_key] then
    _G[k .. "_statuses"] = (_G[k .. "_statuses"] and _G[k .. "_statuses"] .. "," or "") .. status
  end
  add(status_key, 1)
  if latency > TIMEOUT_US then add(k .. "_late", 1) end
  if latency > (_G[k .. "_max"] or 0) then _G[k .. "_max"] = latency end
  local bucket = latency < 1 and 0 or math.floor(math.log(latency) * SCALE)
  add(k .. "_h" .. bucket, 1)
  if bucket < (_G[k .. "_lo"] or math.huge) then _G[k .. "_lo"] = bucket end
  if bucket > (_G[k .. "_hi"] or -1) then _G[k .. "_hi"] = bucket end
  if k == "first" and status == 200 then
    pending_number = response_body:match('"_access_number"%s*:%s*"([^"]+)"')
    pending_code = response_body:match('"_access_code"%s*:%s*"([^"]+)"')
    if not pending_number or not pending_code then pending_number, pending_code = nil, nil end
  end
  started = nil
end

local function percentile(buckets, total, p)
  local keys = {}
  for k in pairs(buckets) do table.insert(keys, k) end
  table.sort(keys)
  local wanted, seen = math.ceil(total * p / 100), 0
  for _, k in ipairs(keys) do
    seen = seen + buckets[k]
    if seen >= wanted then return math.floor(math.exp((k + 0.5) / SCALE)) end
  end
  return 0
end

local KINDS = { "single", "first", "second" }

local function merged_kind(thread, name, m)
  local count = thread:get(name .. "_count")
  if not count then return end
  m.count = m.count + count
  m.late = m.late + (thread:get(name .. "_late") or 0)
  m.max = math.max(m.max, thread:get(name .. "_max") or 0)
  for status in string.gmatch(thread:get(name .. "_statuses") or "", "[^,]+") do
    m.status[status] = (m.status[status] or 0) + (thread:get(name .. "_s" .. status) or 0)
  end
  for b = thread:get(name .. "_lo"), thread:get(name .. "_hi") do
    local n = thread:get(name .. "_h" .. b)
    if n then m.buckets[b] = (m.buckets[b] or 0) + n end
  end
end

function done(summary, latency, requests)
  local merged = {}
  for _, name in ipairs(KINDS) do
    merged[name] = { count = 0, late = 0, max = 0, status = {}, buckets = {}, open = 0, open_late = 0 }
  end
  local done_at = now_us()
  for _, thread in ipairs(threads) do
    for _, name in ipairs(KINDS) do merged_kind(thread, name, merged[name]) end
    local open_kind, open_since = thread:get("kind"), thread:get("started")
    if open_since and merged[open_kind] then
      local m = merged[open_kind]
      local open_for = done_at - open_since
      -- a request sent in the last second is simply in flight; one older than that is held
      if open_for > TIMEOUT_US then
        m.open_late = m.open_late + 1
      elseif open_for > HELD_US then
        m.open = m.open + 1
      end
    end
  end
  local parts = {}
  for name, m in pairs(merged) do
    if m.count > 0 or m.open > 0 or m.open_late > 0 then
      local statuses = {}
      for k, v in pairs(m.status) do table.insert(statuses, string.format('"%s":%d', k, v)) end
      table.insert(parts, string.format(
        '"%s":{"count":%d,"late":%d,"open":%d,"openLate":%d,"p50":%d,"p99":%d,"p999":%d,"max":%d,"status":{%s}}',
        name, m.count, m.late, m.open, m.open_late,
        percentile(m.buckets, m.count, 50), percentile(m.buckets, m.count, 99),
        percentile(m.buckets, m.count, 99.9), math.floor(m.max), table.concat(statuses, ",")))
    end
  end
  io.write(string.format(
    'BENCH-RESULT {"durationUs":%d,"requests":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},'
      .. '"latency":{"p50":%d,"p99":%d,"p999":%d,"max":%d},"kinds":{%s}}\n',
    summary.duration, summary.requests, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
    table.concat(parts, ",")))
end
