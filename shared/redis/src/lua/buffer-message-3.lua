--[[
  Keeps a published message nobody took. Saving a messageId already buffered is a no-op.

  Input:
    KEYS[1] seq                    STRING global creation counter
    KEYS[2] buffer:entries         HASH   messageId -> message JSON
    KEYS[3] buffer:<messageName>   ZSET   messageIds of that name, score = creation seq

    ARGV[1] messageId
    ARGV[2] message JSON

  Output:
    1 when buffered, 0 when that messageId was already buffered
]]
local rcall = redis.call
if rcall("HSETNX", KEYS[2], ARGV[1], ARGV[2]) == 0 then
  return 0
end
rcall("ZADD", KEYS[3], rcall("INCR", KEYS[1]), ARGV[1])
return 1
