--[[
  Commits one command's outcome for one instance: checks the version, writes the
  state, appends the history, writes the outbox and applies the index changes,
  all or nothing (a Lua script runs atomically; nothing is written before the
  version check passes).

  Input:
    KEYS[1]  {i}:state       HASH  v (version), s (state JSON)
    KEYS[2]  {i}:history     LIST  history entries (JSON), position = list index
    KEYS[3]  {i}:waits       ZSET  the instance's open wait keys, score = creation seq
    KEYS[4]  {i}:incidents   ZSET  the instance's open incident keys
    KEYS[5]  seq             STRING global creation counter (orders every index)
    KEYS[6]  waits           HASH  wait key -> indexed wait JSON
    KEYS[7]  waits:in        HASH  wait key -> JSON array of the index ZSETs holding it
    KEYS[8]  incidents       HASH  incident key -> indexed incident JSON
    KEYS[9]  incidents:open  ZSET  every open incident key
    KEYS[10] instances       ZSET  every instance id, score = creation seq
    KEYS[11] {root}:tree     ZSET  the call tree of the instance's root, written once it has a child
    KEYS[12] outbox          ZSET  score = committedAt, member = "<seq 16 digits>/<outboxId>"
    KEYS[13] outbox:entries  HASH  outboxId -> "<member>\n<entry JSON>"

    ARGV[1] expected version (0 creates the instance)
    ARGV[2] instance id
    ARGV[3] state JSON
    ARGV[4] root instance id (ARGV[2] for a root)
    then groups, each a count n followed by its items:
      history:          n, then n entry JSONs
      outbox:           n, then n triples (outboxId, committedAt, entry JSON)
      removed waits:    n, then n wait keys
      upserted waits:   n, then n triples (wait key, indexed wait JSON, JSON array of index ZSET names)
      removed incidents:n, then n incident keys
      upserted incidents:n, then n pairs (incident key, indexed incident JSON)

  Output:
    the new version (>= 1), or
    -(current version) - 1 when the stored version is not ARGV[1] (VERSION_CONFLICT);
    nothing was written.
]]
local rcall = redis.call
local expected = tonumber(ARGV[1])
local current = tonumber(rcall("HGET", KEYS[1], "v") or "0")
if current ~= expected then
  return -current - 1
end
local version = current + 1
local instanceId = ARGV[2]
rcall("HSET", KEYS[1], "v", version, "s", ARGV[3])

if current == 0 then
  local seq = rcall("INCR", KEYS[5])
  rcall("ZADD", KEYS[10], seq, instanceId)
  -- A lone root is its own tree: no key for it (most instances), the reader knows.
  local rootId = ARGV[4]
  if rootId ~= instanceId then
    local rootSeq = rcall("ZSCORE", KEYS[10], rootId)
    if rootSeq then
      rcall("ZADD", KEYS[11], "NX", rootSeq, rootId)
    end
    rcall("ZADD", KEYS[11], seq, instanceId)
  end
end

local i = 5
local n = tonumber(ARGV[i])
-- One RPUSH per 500 entries, not per entry (a step emits a dozen events); unpack's stack stays small.
for j = 1, n, 500 do
  rcall("RPUSH", KEYS[2], unpack(ARGV, i + j, i + math.min(j + 499, n)))
end
i = i + n + 1

n = tonumber(ARGV[i])
for j = 0, n - 1 do
  local outboxId = ARGV[i + 1 + j * 3]
  local seq = rcall("INCR", KEYS[5])
  local member = string.format("%016d", seq) .. "/" .. outboxId
  if rcall("HSETNX", KEYS[13], outboxId, member .. "\n" .. ARGV[i + 3 + j * 3]) == 1 then
    rcall("ZADD", KEYS[12], ARGV[i + 2 + j * 3], member)
  end
end
i = i + n * 3 + 1

local function unindexWait(key)
  local holders = rcall("HGET", KEYS[7], key)
  if holders then
    for _, set in ipairs(cjson.decode(holders)) do
      rcall("ZREM", set, key)
    end
  end
end

n = tonumber(ARGV[i])
for j = 1, n do
  local key = ARGV[i + j]
  unindexWait(key)
  rcall("ZREM", KEYS[3], key)
  rcall("HDEL", KEYS[6], key)
  rcall("HDEL", KEYS[7], key)
end
i = i + n + 1

n = tonumber(ARGV[i])
for j = 0, n - 1 do
  local key = ARGV[i + 1 + j * 3]
  local holders = ARGV[i + 3 + j * 3]
  local score = rcall("ZSCORE", KEYS[3], key)
  if score then
    unindexWait(key)
  else
    score = rcall("INCR", KEYS[5])
    rcall("ZADD", KEYS[3], score, key)
  end
  rcall("HSET", KEYS[6], key, ARGV[i + 2 + j * 3])
  rcall("HSET", KEYS[7], key, holders)
  for _, set in ipairs(cjson.decode(holders)) do
    rcall("ZADD", set, score, key)
  end
end
i = i + n * 3 + 1

n = tonumber(ARGV[i])
for j = 1, n do
  local key = ARGV[i + j]
  rcall("ZREM", KEYS[4], key)
  rcall("ZREM", KEYS[9], key)
  rcall("HDEL", KEYS[8], key)
end
i = i + n + 1

n = tonumber(ARGV[i])
for j = 0, n - 1 do
  local key = ARGV[i + 1 + j * 2]
  if not rcall("ZSCORE", KEYS[9], key) then
    local seq = rcall("INCR", KEYS[5])
    rcall("ZADD", KEYS[9], seq, key)
    rcall("ZADD", KEYS[4], seq, key)
  end
  rcall("HSET", KEYS[8], key, ARGV[i + 2 + j * 2])
end

return version
