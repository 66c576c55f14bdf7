/**
 * Sliding-window log, atomically over one or more keys (one sorted set per rule and subject, one
 * member per accepted attempt, scored by Redis server time in ms, so every instance shares a clock).
 *
 * KEYS[i]: the sets. ARGV[1]: a nonce that keeps members of the same millisecond distinct; then
 * ARGV[2i] = limit and ARGV[2i+1] = window in ms of KEYS[i].
 *
 * First every set drops members older than its window; if any set is full, nothing is recorded and
 * the answer is {0, i, ms until its oldest member leaves the window} for the first full set i.
 * Otherwise the attempt is added to every set, whose TTL becomes its window, and the answer is
 * {1, fewest attempts left, 0}. Refused attempts are not recorded, so hammering a closed door does not
 * keep it closed; a set never holds more than `limit` members.
 */
export const SLIDING_WINDOW_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local remaining = -1
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[i * 2])
  local window = tonumber(ARGV[i * 2 + 1])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count >= limit then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    local wait = window
    if oldest[2] then wait = tonumber(oldest[2]) + window - now end
    return {0, i, wait}
  end
  if remaining < 0 or limit - count - 1 < remaining then remaining = limit - count - 1 end
end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, now .. ':' .. ARGV[1])
  redis.call('PEXPIRE', key, ARGV[i * 2 + 1])
end
return {1, remaining, 0}
`;
