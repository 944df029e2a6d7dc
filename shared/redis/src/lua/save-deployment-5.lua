--[[
  Deploys one process: returns the latest version when its XML and resource name
  are the same, else stores the next version (the highest the process ever had + 1:
  numbers of deleted versions are not reused) under the definition key the caller
  minted and makes it the latest, moving the process's message and signal start
  events to the new version.

  Input:
    KEYS[1] deployments             HASH  definitionKey -> record JSON
    KEYS[2] deployments:latest      HASH  processId -> definitionKey of the latest version
    KEYS[3] deployments:processes   ZSET  processIds (score 0, lexicographic order)
    KEYS[4] deployments:starts      HASH  processId -> JSON array of [start-event HASH, field] pairs it holds
    KEYS[5] deployments:versions    HASH  "<processId>\n<version>" -> definitionKey (versions not deleted),
                                          "<processId>\n#" -> the highest version it ever had

    ARGV[1] processId
    ARGV[2] resourceName
    ARGV[3] xml
    ARGV[4] the record JSON without version, ending in "}"
    ARGV[5] the new version's definitionKey (also in ARGV[4])
    ARGV[6] JSON array of [start-event HASH, field] pairs of the new version
            (HASH "start:message:<name>" or "start:signal:<name>", field "<processId>\n<elementId>")
    ARGV[7..] per pair of ARGV[6], in order: the target JSON without definitionKey, ending in "}"

  Output:
    { 0, existing record JSON } when the latest version is identical, or
    { 1, new record JSON }
]]
local rcall = redis.call
local processId = ARGV[1]
local latest = 0
local latestKey = rcall("HGET", KEYS[2], processId)
if latestKey then
  local existing = rcall("HGET", KEYS[1], latestKey)
  local record = cjson.decode(existing)
  if record.xml == ARGV[3] and record.resourceName == ARGV[2] then
    return { 0, existing }
  end
  latest = record.version
end
local top = tonumber(rcall("HGET", KEYS[5], processId .. "\n#")) or 0
local version = math.max(latest, top) + 1
local definitionKey = ARGV[5]
local json = string.sub(ARGV[4], 1, -2) .. ',"version":' .. version .. '}'
rcall("HSET", KEYS[1], definitionKey, json)
rcall("HSET", KEYS[2], processId, definitionKey)
rcall("HSET", KEYS[5], processId .. "\n" .. version, definitionKey, processId .. "\n#", version)
rcall("ZADD", KEYS[3], 0, processId)

local previous = rcall("HGET", KEYS[4], processId)
if previous then
  for _, pair in ipairs(cjson.decode(previous)) do
    rcall("HDEL", pair[1], pair[2])
  end
end
local starts = cjson.decode(ARGV[6])
local targetTail = ',"definitionKey":' .. cjson.encode(definitionKey) .. '}'
for j, pair in ipairs(starts) do
  rcall("HSET", pair[1], pair[2], string.sub(ARGV[6 + j], 1, -2) .. targetTail)
end
rcall("HSET", KEYS[4], processId, ARGV[6])
return { 1, json }
