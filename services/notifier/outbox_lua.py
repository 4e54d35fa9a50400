"""The outbox's Lua scripts: each change of a delivery and its queues happens atomically in Redis.

Every script keeps three sorted sets in step: `due` (all pending deliveries, by when they are
due or until when they are leased), one per endpoint (the same, for that subscription), and
`endpoints` (each subscription with pending work, by when its earliest delivery may go: the
earliest due time, or later while the endpoint asked us to slow down).
"""

RESCHEDULE = """
local function reschedule(ep_due, endpoints, not_before, sub)
  local first = redis.call('ZRANGE', ep_due, 0, 0, 'WITHSCORES')
  if #first == 0 then
    redis.call('ZREM', endpoints, sub)
    return
  end
  local at = tonumber(first[2])
  local nb = tonumber(redis.call('HGET', not_before, sub) or '0')
  if nb > at then at = nb end
  redis.call('ZADD', endpoints, at, sub)
end
"""

# KEYS: delivery, due, ep_due, endpoints, not_before, index
# ARGV: json, due_at, delivery_id, sub, now, index_keep_s, index_cap
ENQUEUE = (
    RESCHEDULE
    + """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
reschedule(KEYS[3], KEYS[4], KEYS[5], ARGV[4])
redis.call('ZADD', KEYS[6], ARGV[5], ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', tonumber(ARGV[5]) - tonumber(ARGV[6]))
redis.call('ZREMRANGEBYRANK', KEYS[6], 0, -(tonumber(ARGV[7]) + 1))
return 1
"""
)

# Round-robin over ready endpoints: one delivery from each, then a second from each, ...
# so no endpoint takes every free slot; `room` caps what each endpoint may still take.
# KEYS: endpoints, due, not_before
# ARGV: now, lease_until, limit, default_room, ep_due prefix, then pairs (sub, room)
CLAIM = (
    RESCHEDULE
    + """
local now, lease, limit, cap = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local prefix = ARGV[5]
local room = {}
for i = 6, #ARGV, 2 do room[ARGV[i]] = tonumber(ARGV[i + 1]) end
local ready = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 1000)
local queues = {}
for _, sub in ipairs(ready) do
  local r = math.min(room[sub] or cap, limit)
  if r > 0 then
    local ids = redis.call('ZRANGEBYSCORE', prefix .. sub, '-inf', now, 'LIMIT', 0, r)
    if #ids > 0 then queues[#queues + 1] = {sub, ids} end
  end
end
local out = {}
local round = 1
while #out < limit do
  local took = false
  for _, q in ipairs(queues) do
    local id = q[2][round]
    if id and #out < limit then
      out[#out + 1] = id
      redis.call('ZADD', prefix .. q[1], lease, id)
      redis.call('ZADD', KEYS[2], 'XX', lease, id)
      took = true
    end
  end
  if not took then break end
  round = round + 1
end
for _, q in ipairs(queues) do reschedule(prefix .. q[1], KEYS[1], KEYS[3], q[1]) end
return out
"""
)

# Only the holder of the current lease may settle (a late worker whose lease ran out may not).
# A success clears the endpoint's failing-since mark, whoever holds the lease.
# KEYS: delivery, due, ep_due, endpoints, not_before, dlq, failing_since
# ARGV: id, lease, json, action (retry|done|dead|drop), retry_at, ttl_s, sub, not_before ('' none),
#       dlq maxlen, dead reason, '1' when the attempt succeeded
SETTLE = (
    RESCHEDULE
    + """
if ARGV[11] == '1' then redis.call('HDEL', KEYS[7], ARGV[7]) end
local held = redis.call('ZSCORE', KEYS[2], ARGV[1])
if (not held) or tonumber(held) ~= tonumber(ARGV[2]) then return 0 end
if ARGV[8] ~= '' then
  local current = tonumber(redis.call('HGET', KEYS[5], ARGV[7]) or '0')
  if tonumber(ARGV[8]) > current then redis.call('HSET', KEYS[5], ARGV[7], ARGV[8]) end
end
if ARGV[4] == 'retry' then
  redis.call('SET', KEYS[1], ARGV[3])
  redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
  redis.call('ZADD', KEYS[3], ARGV[5], ARGV[1])
else
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZREM', KEYS[3], ARGV[1])
  if ARGV[4] == 'drop' then
    redis.call('DEL', KEYS[1])
  else
    redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[6])
  end
  if ARGV[4] == 'dead' then
    redis.call('XADD', KEYS[6], 'MAXLEN', '~', ARGV[9], '*', '__data__', ARGV[3], 'reason', ARGV[10])
  end
end
reschedule(KEYS[3], KEYS[4], KEYS[5], ARGV[7])
return 1
"""
)

# KEYS: dlq, delivery, due, ep_due, endpoints, not_before, index
# ARGV: dead_id, json, now, delivery_id, sub
# Returns 1 replayed, 0 no such dead id (already replayed), -1 the delivery is pending already.
REPLAY = (
    RESCHEDULE
    + """
if redis.call('ZSCORE', KEYS[3], ARGV[4]) then return -1 end
if redis.call('XDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[4])
reschedule(KEYS[4], KEYS[5], KEYS[6], ARGV[5])
redis.call('ZADD', KEYS[7], ARGV[3], ARGV[4])
return 1
"""
)

# KEYS: due, ep_due, endpoints, not_before, index, failing_since
# ARGV: sub, delivery key prefix
PURGE = """
local ids = redis.call('ZRANGE', KEYS[2], 0, -1)
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('DEL', ARGV[2] .. id)
end
redis.call('DEL', KEYS[2], KEYS[5])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[6], ARGV[1])
return #ids
"""
