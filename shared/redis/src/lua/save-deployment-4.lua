--[[
  Deploys one process: returns the latest version when its XML and resource name
  are the same, else stores version latest + 1 and makes it the latest, moving the
  process's message and signal start events to the new version.

  Input:
    KEYS[1] deployments             HASH  definitionKey -> record JSON
    KEYS[2] deployments:latest      HASH  processId -> latest version
    KEYS[3] deployments:processes   ZSET  processIds (score 0, lexicographic order)
    KEYS[4] deployments:starts      HASH  processId -> JSON array of [start-event HASH, field] pairs it holds

    ARGV[1] processId
    ARGV[2] resourceName
    ARGV[3] xml
    ARGV[4] the record JSON without version and definitionKey, ending in "}"
    ARGV[5] JSON array of [start-event HASH, field] pairs of the new version
            (HASH "start:message:<name>" or "start:signal:<name>", field "<processId>\n<elementId>")
    ARGV[6..] per pair of ARGV[5], in order: the target JSON without definitionKey, ending in "}"

  Output:
    { 0, existing record JSON } when the latest version is identical, or
    { 1, new record JSON }
]]
local rcall = redis.call
local processId = ARGV[1]
local latest = tonumber(rcall("HGET", KEYS[2], processId) or "0")
if latest > 0 then
  local existing = rcall("HGET", KEYS[1], processId .. ":" .. latest)
  local record = cjson.decode(existing)
  if record.xml == ARGV[3] and record.resourceName == ARGV[2] then
    return { 0, existing }
  end
end
local version = latest + 1
local definitionKey = processId .. ":" .. version
local tail = ',"version":' .. version .. ',"definitionKey":' .. cjson.encode(definitionKey) .. '}'
local json = string.sub(ARGV[4], 1, -2) .. tail
rcall("HSET", KEYS[1], definitionKey, json)
rcall("HSET", KEYS[2], processId, version)
rcall("ZADD", KEYS[3], 0, processId)

local previous = rcall("HGET", KEYS[4], processId)
if previous then
  for _, pair in ipairs(cjson.decode(previous)) do
    rcall("HDEL", pair[1], pair[2])
  end
end
local starts = cjson.decode(ARGV[5])
local targetTail = ',"definitionKey":' .. cjson.encode(definitionKey) .. '}'
for j, pair in ipairs(starts) do
  rcall("HSET", pair[1], pair[2], string.sub(ARGV[5 + j], 1, -2) .. targetTail)
end
rcall("HSET", KEYS[4], processId, ARGV[5])
return { 1, json }
