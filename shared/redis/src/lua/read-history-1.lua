--[[
  Reads one page of an instance's history without decoding it: the chunks (one
  per commit, see commit-instance-13.lua) that hold positions offset ..
  offset + limit - 1. O(log chunks) LINDEX to find the first, then O(page).

  Input:
    KEYS[1]  {i}:history  LIST  chunks "<first position>,<count>,<body>"
    ARGV[1]  offset (first position wanted, >= 0)
    ARGV[2]  limit (number of positions wanted, >= 1)

  Output:
    { total number of events, chunk, chunk, ... } (no chunk when offset >= total)
]]
local rcall = redis.call
local key = KEYS[1]
local offset = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])

local function firstOf(chunk)
  return tonumber(string.match(chunk, "^(%d+),"))
end

local n = rcall("LLEN", key)
if n == 0 then
  return { 0 }
end
local last = rcall("LINDEX", key, -1)
local lastFirst, lastCount = string.match(last, "^(%d+),(%d+),")
local total = tonumber(lastFirst) + tonumber(lastCount)
local out = { total }
if offset >= total then
  return out
end

-- The last chunk whose first position is <= offset.
local lo, hi = 0, n - 1
while lo < hi do
  local mid = math.floor((lo + hi + 1) / 2)
  if firstOf(rcall("LINDEX", key, mid)) <= offset then
    lo = mid
  else
    hi = mid - 1
  end
end

local stop = offset + limit
local index = lo
while index < n do
  -- A chunk holds at least one event, so `limit` chunks always cover the page.
  local batch = rcall("LRANGE", key, index, index + math.min(limit, 100) - 1)
  for _, chunk in ipairs(batch) do
    if firstOf(chunk) >= stop then
      return out
    end
    out[#out + 1] = chunk
  end
  index = index + #batch
end
return out
