--[[
  Removes and returns the oldest alive buffered message of one name that a
  subscription with the given correlation key takes; drops the expired ones it
  passes on the way. Atomic, so two takers never get the same message.

  Input:
    KEYS[1] buffer:entries         HASH  messageId -> message JSON
    KEYS[2] buffer:<messageName>   ZSET  messageIds of that name, oldest first

    ARGV[1] now (epoch ms): a message is alive while now <= expiresAt
    ARGV[2] "1" when the taker has a correlation key, else "0" (takes any key)
    ARGV[3] the taker's correlation key (ignored when ARGV[2] is "0")

  Output:
    the message JSON, or false when none matches
]]
local rcall = redis.call
local now = tonumber(ARGV[1])
local hasKey = ARGV[2] == "1"
local start = 0
while true do
  local ids = rcall("ZRANGE", KEYS[2], start, start + 99)
  if #ids == 0 then
    return false
  end
  local kept = 0
  for _, id in ipairs(ids) do
    local json = rcall("HGET", KEYS[1], id)
    local message = json and cjson.decode(json)
    if not message or tonumber(message.expiresAt) < now then
      rcall("ZREM", KEYS[2], id)
      rcall("HDEL", KEYS[1], id)
    elseif not hasKey or message.correlationKey == ARGV[3] then
      rcall("ZREM", KEYS[2], id)
      rcall("HDEL", KEYS[1], id)
      return json
    else
      kept = kept + 1
    end
  end
  start = start + kept
end
