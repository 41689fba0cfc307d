#!/bin/bash
# tools/README.md, "reconcile": the examples, run from the repository root after
# mvn -B package -DskipTests (a switch on ports 18081/18584; nothing else may use them).
set -u
R=$(pwd); W=$(mktemp -d); cd $W; echo "in $W"
printf 'demo-admin-token\n' > token; printf 'wrong\n' > wrong-token
PANS=(6222600000000006 6231990000000018 4367420000000025 5188880000000032)
TOOLS="java -jar $R/tools/target/payment-switch-tools.jar"
start() { java -jar $R/gateway/target/payment-switch.jar --data-dir data --http-port 18081 --iso-port 18584 --demo-cards 1000 > switch.log 2>&1 & PID=$!
  for i in $(seq 150); do curl -sf http://127.0.0.1:18081/health >/dev/null && return; sleep 0.2; done; echo "no start"; exit 1; }
post() { curl -s -X POST "http://127.0.0.1:18081$1" -H 'Content-Type: application/json' -d "$2"; echo; }
auth() { post /v1/authorizations "{\"merchantId\":\"M$(printf %014d $(($1 % 5)))\",\"orderId\":\"ORDER$1\",\"pan\":\"${PANS[$1]}\",\"expiry\":\"3012\",\"amount\":20000,\"currency\":\"CNY\"}"; }
start
auth 0; auth 1; auth 2
post /v1/authorizations/1/capture '{"amount":10000}'
kill $PID; wait $PID
cp -r data data-before
start
auth 3
post /v1/authorizations/2/reversal ''
post /v1/authorizations/1/refunds '{"refundId":"R1","amount":5000}'
sleep 1
echo "## $TOOLS reconcile --data-dir data --url http://127.0.0.1:18081 --token-file token"
$TOOLS reconcile --data-dir data --url http://127.0.0.1:18081 --token-file token; echo "(exit status $?)"
echo "## reconcile --data-dir data-before"
$TOOLS reconcile --data-dir data-before --url http://127.0.0.1:18081 --token-file token; echo "(exit status $?)"
echo "## wrong token"
$TOOLS reconcile --data-dir data --url http://127.0.0.1:18081 --token-file wrong-token; echo "(exit status $?)"
kill $PID; wait $PID
echo "## no switch"
$TOOLS reconcile --data-dir data --url http://127.0.0.1:18089 --token-file token; echo "(exit status $?)"
