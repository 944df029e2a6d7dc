--[[
  Removes outbox entries whose effects ran. Unknown ids are ignored.

  Input:
    KEYS[1] outbox          ZSET  score = committedAt, member = "<seq>/<outboxId>"
    KEYS[2] outbox:entries  HASH  outboxId -> "<member>\n<entry JSON>"

    ARGV[1..n] outbox ids

  Output:
    the number of entries removed
]]
local rcall = redis.call
local removed = 0
for _, outboxId in ipairs(ARGV) do
  local stored = rcall("HGET", KEYS[2], outboxId)
  if stored then
    local member = string.sub(stored, 1, string.find(stored, "\n", 1, true) - 1)
    rcall("ZREM", KEYS[1], member)
    rcall("HDEL", KEYS[2], outboxId)
    removed = removed + 1
  end
end
return removed
