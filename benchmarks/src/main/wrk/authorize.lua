-- wrk script: POST /v1/authorizations (docs/api.md section 3) with a new order id on every request,
-- so it measures new authorizations against the real switch (never idempotent retries) and
-- works the same against the bare HttpAnswerServer.
--
--   wrk -t1 -c64 -d5s -s benchmarks/src/main/wrk/authorize.lua http://127.0.0.1:8080/v1/authorizations
--
-- Cards: demo cards of BIN 518888 (docs/api.md section 5: card i = BIN + i as 9 digits + Luhn check
-- digit, BIN 518888 for i % 4 == 3), which no demo campaign covers, so no discount quota runs
-- out during a run: 5188880000000032, 5188880000000073, 5188880000000115, ... The script computes
-- CARDS of them. Amounts 10.00-19.99 CNY: each card's 50 000.00 credit line holds 2 500 or more
-- of them, so CARDS cards carry 10 M authorizations of a switch's life before any is declined 51.
-- Merchants M00000000000001 .. M00000000000999 (demo merchants, all enabled).
-- Order ids: "W" + the script's start second + thread + sequence (base 36), unique across runs.

local CARDS = 4096
local MERCHANTS = 999

local function luhn_digit(body)
  local sum = 0
  local double = true
  for i = #body, 1, -1 do
    local d = tonumber(body:sub(i, i))
    if double then
      d = d * 2
      if d > 9 then d = d - 9 end
    end
    sum = sum + d
    double = not double
  end
  return (10 - sum % 10) % 10
end

local pans = {}
for k = 0, CARDS - 1 do
  local body = "518888" .. string.format("%09d", 4 * k + 3)
  pans[k + 1] = body .. luhn_digit(body)
end
assert(pans[1] == "5188880000000032" and pans[2] == "5188880000000073", "Luhn check digits")

local function base36(n)
  local digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
  local s = ""
  repeat
    local d = n % 36
    s = digits:sub(d + 1, d + 1) .. s
    n = (n - d) / 36
  until n == 0
  return s
end

local threads = 0
function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

local run = base36(os.time())
local sequence = 0
local headers = { ["Content-Type"] = "application/json" }

function request()
  sequence = sequence + 1
  local n = sequence + (thread_id or 0) * 7919
  local body = string.format(
    '{"merchantId":"M%014d","orderId":"W%s-%s-%s","pan":"%s","expiry":"3012","amount":%d,"currency":"CNY","capture":false}',
    n % MERCHANTS + 1, run, base36(thread_id or 0), base36(sequence), pans[n % CARDS + 1], 1000 + n % 1000)
  return wrk.format("POST", nil, headers, body)
end
