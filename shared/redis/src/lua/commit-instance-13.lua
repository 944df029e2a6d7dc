--[[
  Commits one command's outcome for one instance: checks the version, writes the
  state, appends the history, writes the outbox and applies the index changes,
  all or nothing (a Lua script runs atomically; nothing is written before the
  version check passes).

  Input:
    KEYS[1]  {i}:state       STRING "<version>\n<state JSON>"
    KEYS[2]  {i}:history     LIST  one chunk per commit with events: "<first position>,<count>,<body>"
    KEYS[3]  {i}:incidents   ZSET  the instance's open incident keys
    KEYS[4]  seq             STRING global creation counter (orders every index)
    KEYS[5]  waits           HASH  wait key -> "<seq>\n<JSON array of the index ZSETs holding it>\n<indexed wait JSON>"
    KEYS[6]  incidents       HASH  incident key -> indexed incident JSON
    KEYS[7]  incidents:open  ZSET  every open incident key
    KEYS[8]  instances       ZSET  every instance id, score = creation seq
    KEYS[9]  {root}:tree     ZSET  the call tree of the instance's root, written once it has a child
    KEYS[10] outbox          ZSET  score = committedAt, member = "<seq 16 digits>/<outboxId>"
    KEYS[11] outbox:entries  HASH  outboxId -> "<member>\n<entry JSON>"
    KEYS[12] deployments:latest HASH processId -> definition key of the latest version
    KEYS[13] ended           ZSET  ended instances, score = when their keys expire (ms, Redis clock)

    ARGV[1] expected version (0 creates the instance)
    ARGV[2] instance id
    ARGV[3] the new state value: "<expected version + 1>\n<state JSON>"
    ARGV[4] root instance id (ARGV[2] for a root)
    ARGV[5] number of history events of this commit (0: no chunk is written)
    ARGV[6] their chunk body (see history-codec.ts)
    ARGV[7] a process id whose latest version must still be ARGV[8] (a create on
            "the latest version" decided on a cached answer), or "" for no such check
    ARGV[8] that version's definition key
    ARGV[9] retention of an ended instance in ms: when this commit ends it (its state is
            not active), its own keys expire that long from now; "" when it stays active.
            That commit also takes up to 16 instances whose retention ran out off the
            global lists (each end adds one: amortized O(1)).
    then groups, each a count n followed by its items:
      outbox:            n, then n triples (outboxId, committedAt, entry JSON)
      removed waits:     n, then n wait keys
      upserted waits:    n, then n triples (wait key, indexed wait JSON, JSON array of index ZSET names)
      removed incidents: n, then n incident keys
      upserted incidents:n, then n pairs (incident key, indexed incident JSON)

  Output:
    the new version (>= 1), or
    -(current version) - 1 when the stored version is not ARGV[1] (VERSION_CONFLICT),
    0 when ARGV[8] is no longer the latest deployment of ARGV[7] (VERSION_CONFLICT);
    nothing was written in either case.
]]
local rcall = redis.call
local expected = tonumber(ARGV[1])
-- The version is the value's prefix: read 20 bytes, not the whole state.
local current = tonumber(string.match(rcall("GETRANGE", KEYS[1], 0, 19), "^(%d+)\n") or "0")
if current ~= expected then
  return -current - 1
end
if ARGV[7] ~= "" then
  if rcall("HGET", KEYS[12], ARGV[7]) ~= ARGV[8] then
    return 0
  end
end
local instanceId = ARGV[2]
rcall("SET", KEYS[1], ARGV[3])

if current == 0 then
  local seq = rcall("INCR", KEYS[4])
  rcall("ZADD", KEYS[8], seq, instanceId)
  -- A lone root is its own tree: no key for it (most instances), the reader knows.
  local rootId = ARGV[4]
  if rootId ~= instanceId then
    local rootSeq = rcall("ZSCORE", KEYS[8], rootId)
    if rootSeq then
      rcall("ZADD", KEYS[9], "NX", rootSeq, rootId)
    end
    rcall("ZADD", KEYS[9], seq, instanceId)
  end
end

local count = tonumber(ARGV[5])
if count > 0 then
  -- The next position follows the last chunk's "<first>,<count>," (O(1): the list's tail).
  local first = 0
  local last = rcall("LINDEX", KEYS[2], -1)
  if last then
    local lastFirst, lastCount = string.match(last, "^(%d+),(%d+),")
    first = tonumber(lastFirst) + tonumber(lastCount)
  end
  rcall("RPUSH", KEYS[2], first .. "," .. count .. "," .. ARGV[6])
end

-- Retention: an ended instance's own keys expire by themselves; its entries in the
-- global lists go at later ends, a few each (amortized O(1), like the memory store).
if ARGV[9] ~= "" then
  local time = rcall("TIME")
  local nowMs = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  local ttl = tonumber(ARGV[9])
  rcall("PEXPIRE", KEYS[1], ttl)
  rcall("PEXPIRE", KEYS[2], ttl)
  rcall("PEXPIRE", KEYS[3], ttl)
  if ARGV[4] == instanceId then
    rcall("PEXPIRE", KEYS[9], ttl)
  end
  rcall("ZADD", KEYS[13], nowMs + ttl, instanceId)
  local gone = rcall("ZRANGEBYSCORE", KEYS[13], "-inf", nowMs, "LIMIT", 0, 16)
  if #gone > 0 then
    rcall("ZREM", KEYS[8], unpack(gone))
    rcall("ZREM", KEYS[13], unpack(gone))
  end
end

local i = 10
local n = tonumber(ARGV[i])
for j = 0, n - 1 do
  local outboxId = ARGV[i + 1 + j * 3]
  local seq = rcall("INCR", KEYS[4])
  local member = string.format("%016d", seq) .. "/" .. outboxId
  if rcall("HSETNX", KEYS[11], outboxId, member .. "\n" .. ARGV[i + 3 + j * 3]) == 1 then
    rcall("ZADD", KEYS[10], ARGV[i + 2 + j * 3], member)
  end
end
i = i + n * 3 + 1

-- Removes a stored wait from the index ZSETs its value names; returns its seq (nil when unknown).
local function unindexWait(key)
  local stored = rcall("HGET", KEYS[5], key)
  if not stored then
    return nil
  end
  local seq, holders = string.match(stored, "^(%d+)\n([^\n]*)\n")
  for _, set in ipairs(cjson.decode(holders)) do
    rcall("ZREM", set, key)
  end
  return seq
end

n = tonumber(ARGV[i])
for j = 1, n do
  local key = ARGV[i + j]
  if unindexWait(key) then
    rcall("HDEL", KEYS[5], key)
  end
end
i = i + n + 1

n = tonumber(ARGV[i])
for j = 0, n - 1 do
  local key = ARGV[i + 1 + j * 3]
  local holders = ARGV[i + 3 + j * 3]
  -- A changed wait (a claimed task) keeps its place in every index.
  local seq = unindexWait(key) or rcall("INCR", KEYS[4])
  rcall("HSET", KEYS[5], key, seq .. "\n" .. holders .. "\n" .. ARGV[i + 2 + j * 3])
  for _, set in ipairs(cjson.decode(holders)) do
    rcall("ZADD", set, seq, key)
  end
end
i = i + n * 3 + 1

n = tonumber(ARGV[i])
for j = 1, n do
  local key = ARGV[i + j]
  rcall("ZREM", KEYS[3], key)
  rcall("ZREM", KEYS[7], key)
  rcall("HDEL", KEYS[6], key)
end
i = i + n + 1

n = tonumber(ARGV[i])
for j = 0, n - 1 do
  local key = ARGV[i + 1 + j * 2]
  if not rcall("ZSCORE", KEYS[7], key) then
    local seq = rcall("INCR", KEYS[4])
    rcall("ZADD", KEYS[7], seq, key)
    rcall("ZADD", KEYS[3], seq, key)
  end
  rcall("HSET", KEYS[6], key, ARGV[i + 2 + j * 2])
end

return expected + 1
