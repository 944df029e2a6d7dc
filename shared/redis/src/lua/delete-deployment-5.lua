--[[
  Deletes a deployed version (Camunda's resource deletion): it leaves the listings
  (its "<processId>\n<version>" field goes); when it is the latest, the version the
  caller found below it becomes the latest with its message and signal start events,
  or the process has no latest when none is left. The record stays readable by key.
  Optimistic: refused (-1) when the latest is no longer the one the caller read, so the
  caller reads again and retries.

  Input:
    KEYS[1] deployments             HASH  definitionKey -> record JSON
    KEYS[2] deployments:latest      HASH  processId -> definitionKey of the latest version
    KEYS[3] deployments:starts      HASH  processId -> JSON array of [start-event HASH, field] pairs it holds
    KEYS[4] deployments:versions    HASH  "<processId>\n<version>" -> definitionKey, "<processId>\n#" -> highest version ever
    KEYS[5] deployments:deleted     HASH  definitionKey -> when it was deleted (ms)

    ARGV[1] definitionKey to delete
    ARGV[2] its processId
    ARGV[3] its version
    ARGV[4] now (ms)
    ARGV[5] the latest definitionKey the caller read ("" for none)
    ARGV[6] the latest's version (the highest so far, kept so numbers are not reused)
    ARGV[7] the new latest's definitionKey ("" for none), used when deleting the latest
    ARGV[8] JSON array of [start-event HASH, field] pairs of the new latest
    ARGV[9..] per pair of ARGV[8], in order: the target JSON

  Output: 1 deleted, 0 no such undeleted version, -1 the latest changed meanwhile
]]
local rcall = redis.call
local key, processId = ARGV[1], ARGV[2]
if rcall("HEXISTS", KEYS[1], key) == 0 or rcall("HEXISTS", KEYS[5], key) == 1 then
  return 0
end
if (rcall("HGET", KEYS[2], processId) or "") ~= ARGV[5] then
  return -1
end
rcall("HSET", KEYS[5], key, ARGV[4])
rcall("HDEL", KEYS[4], processId .. "\n" .. ARGV[3])
local top = tonumber(rcall("HGET", KEYS[4], processId .. "\n#")) or 0
if tonumber(ARGV[6]) > top then
  rcall("HSET", KEYS[4], processId .. "\n#", ARGV[6])
end
if ARGV[5] ~= key then
  return 1
end

local previous = rcall("HGET", KEYS[3], processId)
if previous then
  for _, pair in ipairs(cjson.decode(previous)) do
    rcall("HDEL", pair[1], pair[2])
  end
end
if ARGV[7] == "" then
  rcall("HDEL", KEYS[2], processId)
  rcall("HDEL", KEYS[3], processId)
  return 1
end
rcall("HSET", KEYS[2], processId, ARGV[7])
for j, pair in ipairs(cjson.decode(ARGV[8])) do
  rcall("HSET", pair[1], pair[2], ARGV[8 + j])
end
rcall("HSET", KEYS[3], processId, ARGV[8])
return 1
