-- wrk script for Almanac's closed-loop scenarios (create, get, week); the harness sets the BENCH_* variables.
-- Prints one line "BENCH_JSON {...}" with the figures when wrk is done.
local scenario = os.getenv("BENCH_SCENARIO")
local token = os.getenv("BENCH_TOKEN")
local calendarPrefix = os.getenv("BENCH_CALENDAR_PREFIX")
local eventPrefix = os.getenv("BENCH_EVENT_PREFIX")
local busyCalendars = tonumber(os.getenv("BENCH_BUSY_CALENDARS"))
local perCalendar = tonumber(os.getenv("BENCH_EVENTS_PER_CALENDAR"))
local weeks = tonumber(os.getenv("BENCH_WEEKS"))
local weekZero = tonumber(os.getenv("BENCH_WEEK_ZERO_EPOCH"))
local writeCalendar = tonumber(os.getenv("BENCH_WRITE_CALENDAR"))

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

statuses = {}
local headers = {}

local function uuid(prefix, n)
  return prefix .. string.format("%012x", n)
end

function init(args)
  math.randomseed(tid * 7919)
  headers["Authorization"] = "Bearer " .. token
  headers["Content-Type"] = "application/json"
end

function request()
  if scenario == "get" then
    local n = math.random(1, busyCalendars * perCalendar)
    local c = math.floor((n - 1) / perCalendar) + 1
    return wrk.format("GET", "/v1/calendars/" .. uuid(calendarPrefix, c) .. "/events/" .. uuid(eventPrefix, n), headers)
  elseif scenario == "week" then
    local c = math.random(1, busyCalendars)
    local from = weekZero + math.random(0, weeks - 1) * 604800
    local path = "/v1/calendars/" .. uuid(calendarPrefix, c) .. "/events?from="
      .. os.date("!%Y-%m-%dT%H:%M:%SZ", from) .. "&to=" .. os.date("!%Y-%m-%dT%H:%M:%SZ", from + 604800)
    return wrk.format("GET", path, headers)
  else
    local start = weekZero + math.random(0, weeks * 7 - 1) * 86400 + math.random(8, 17) * 3600
    local body = '{"title":"Created by the benchmark","description":"One more meeting.","location":"Room 7",'
      .. '"start":{"dateTime":"' .. os.date("!%Y-%m-%dT%H:%M:%S", start) .. '","timeZone":"Europe/Berlin"},'
      .. '"end":{"dateTime":"' .. os.date("!%Y-%m-%dT%H:%M:%S", start + 2700) .. '","timeZone":"Europe/Berlin"}}'
    return wrk.format("POST", "/v1/calendars/" .. uuid(calendarPrefix, writeCalendar) .. "/events", headers, body)
  end
end

function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do
      counts[k] = (counts[k] or 0) + v
    end
  end
  local parts = {}
  for k, v in pairs(counts) do
    parts[#parts + 1] = string.format('"%d":%d', k, v)
  end
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests":%d,"durationUs":%d,"p50":%.0f,"p90":%.0f,"p99":%.0f,"max":%.0f,'
    .. '"statuses":{%s},"connect":%d,"read":%d,"write":%d,"timeout":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, table.concat(parts, ","), e.connect, e.read, e.write, e.timeout))
end
