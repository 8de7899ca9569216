#!/usr/bin/env bash
# Runs a local single-node PharmaTrace devnet: `geth --dev` of the go-ethereum version pinned in
# go.mod, on loopback, with a persistent datadir and its chain pinned to Osaka rules.
#
#   scripts/devnet.sh [--datadir DIR] [--http-port N] [--ws-port N] [--foreground | --background]
#   scripts/devnet.sh --build-only
#   scripts/devnet.sh --stop [--datadir DIR]
#
# How the Osaka pin works: geth --dev has no flag to switch its experimental forks off (the
# --override.* flags only move a fork's time; --override.genesis cannot be combined with --dev), but
# when --datadir already holds a chain, --dev runs that chain's stored genesis and config. So a new
# datadir is first `geth init`-ed with gethtest.Genesis (geth --dev's own genesis, dev account
# funded, config = chain.OsakaConfig), written by chain/gethtest/cmd/devgenesis.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/devnet.sh [options]

Starts geth --dev (the go-ethereum version pinned in go.mod, built once into a cache directory)
on 127.0.0.1 with a persistent datadir and the chain pinned to Osaka rules.

Options:
  --datadir DIR     chain data (default ./data/devnet under the repository); kept across restarts,
                    delete it for a fresh chain
  --http-port N     HTTP JSON-RPC port (default 8545)
  --ws-port N       WebSocket JSON-RPC port (default 8546)
  --foreground      run in this terminal, following the log; Ctrl-C stops the node (default)
  --background      start, print the connection details and return; stop with --stop
  --stop            stop the background node of --datadir
  --build-only      only build (or find) the geth binary and print its path
  -h, --help        this help

Environment:
  PHARMATRACE_CACHE  cache root (default $HOME/.cache/pharmatrace); geth goes to
                     $PHARMATRACE_CACHE/geth-<version>/geth (chain/gethtest uses the same binary)
  PHARMATRACE_GETH   use this geth binary instead
EOF
}

die() { echo "devnet: $*" >&2; exit 1; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
datadir=$root/data/devnet
http_port=8545
ws_port=8546
mode=foreground

need_arg() { [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value (see --help)"; }
while [ $# -gt 0 ]; do
  case $1 in
    -h|--help) usage; exit 0 ;;
    --datadir) need_arg "$@"; datadir=$2; shift 2 ;;
    --datadir=*) datadir=${1#*=}; shift ;;
    --http-port) need_arg "$@"; http_port=$2; shift 2 ;;
    --http-port=*) http_port=${1#*=}; shift ;;
    --ws-port) need_arg "$@"; ws_port=$2; shift 2 ;;
    --ws-port=*) ws_port=${1#*=}; shift ;;
    --foreground) mode=foreground; shift ;;
    --background) mode=background; shift ;;
    --stop) mode=stop; shift ;;
    --build-only) mode=build; shift ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
for p in "$http_port" "$ws_port"; do
  [[ $p =~ ^[0-9]+$ ]] && [ "$p" -ge 1 ] && [ "$p" -le 65535 ] || die "bad port: $p"
done
[ "$http_port" != "$ws_port" ] || die "--http-port and --ws-port must differ"
if [ "$mode" != build ]; then
  mkdir -p "$datadir" || die "cannot create datadir $datadir"
  datadir=$(cd "$datadir" && pwd)
fi
pidfile=$datadir/geth.pid
log=$datadir/geth.log
ipc=$datadir/geth.ipc

# is_geth PID: the process exists and is a geth (not a recycled pid).
is_geth() { [ "$(ps -p "$1" -o comm= 2>/dev/null)" = geth ]; }

# stop_pid PID: SIGTERM, wait up to 60 s for a clean shutdown, then SIGKILL.
stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 600; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "devnet: geth (pid $pid) ignored SIGTERM for 60 s: killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

running_pid() { # prints the pid of this datadir's running geth, if any
  [ -f "$pidfile" ] || return 1
  local pid
  pid=$(cat "$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] && is_geth "$pid" && ps -p "$pid" -o args= | grep -qF -- "$datadir" && echo "$pid"
}

if [ "$mode" = stop ]; then
  pid=$(running_pid) || { rm -f "$pidfile"; die "no devnet running for $datadir"; }
  echo "devnet: stopping geth (pid $pid)…"
  stop_pid "$pid"
  rm -f "$pidfile"
  echo "devnet: stopped; the chain stays in $datadir"
  exit 0
fi

# ---- the geth binary ------------------------------------------------------------------------
command -v go >/dev/null || die "the go command is needed (to read go.mod and build geth)"
version=$(cd "$root" && go list -m -f '{{.Version}}' github.com/ethereum/go-ethereum) ||
  die "cannot read the go-ethereum version from go.mod"
cache=${PHARMATRACE_CACHE:-$HOME/.cache/pharmatrace}
if [ -n "${PHARMATRACE_GETH:-}" ]; then
  geth=$PHARMATRACE_GETH
  [ -x "$geth" ] || die "PHARMATRACE_GETH=$geth is not an executable"
else
  geth=$cache/geth-$version/geth
  if [ ! -x "$geth" ]; then
    mkdir -p "$cache"
    exec 9>"$cache/geth-$version.lock"
    if command -v flock >/dev/null && ! flock -n 9; then
      echo "devnet: another process (a test, another devnet.sh) is building geth $version; waiting…"
      flock 9
    fi
    if [ ! -x "$geth" ]; then
      echo "devnet: building geth $version (the go-ethereum version pinned in go.mod) into $(dirname "$geth")"
      echo "devnet: it is not in the cache yet; this takes about 4 minutes with a cold Go build cache (more on a busy machine), once."
      tmp=$(mktemp -d "$cache/geth-build-XXXXXX")
      trap 'rm -rf "$tmp"' EXIT
      start=$SECONDS
      # Outside the module: `go install pkg@version` ignores go.mod anyway; keep GOFLAGS out of it.
      (cd "$tmp" && GOBIN=$tmp GOFLAGS= go install "github.com/ethereum/go-ethereum/cmd/geth@$version") ||
        die "building geth $version failed"
      mkdir -p "$(dirname "$geth")"
      mv "$tmp/geth" "$geth"
      rm -rf "$tmp"
      trap - EXIT
      echo "devnet: built geth $version in $((SECONDS - start)) s: $geth"
    fi
    exec 9>&-
  fi
fi
if [ "$mode" = build ]; then
  echo "$geth"
  exit 0
fi

# ---- refuse what cannot work ----------------------------------------------------------------
if pid=$(running_pid); then
  die "a devnet is already running on $datadir (pid $pid); stop it with: $0 --stop --datadir $datadir"
fi
port_in_use() {
  if command -v ss >/dev/null; then
    [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}
for spec in "HTTP RPC:$http_port:--http-port" "WebSocket RPC:$ws_port:--ws-port"; do
  IFS=: read -r what port flag <<<"$spec"
  if port_in_use "$port"; then
    who=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:.*' | head -1 || true)
    die "port $port ($what) is already in use${who:+ by $who}. Is another node running? Stop it, or choose another port with $flag."
  fi
done
if [ ${#ipc} -ge 104 ]; then
  die "datadir path too long for geth's IPC socket ($ipc): use a shorter --datadir"
fi

# ---- a new chain gets the Osaka-pinned genesis ----------------------------------------------
storage=(--db.engine leveldb --state.scheme hash)
if [ ! -d "$datadir/geth/chaindata" ]; then
  echo "devnet: new chain in $datadir: writing the Osaka-pinned genesis (go run ./chain/gethtest/cmd/devgenesis)"
  (cd "$root" && go run ./chain/gethtest/cmd/devgenesis -o "$datadir/genesis.json") ||
    die "writing the genesis failed"
  if ! "$geth" init --datadir "$datadir" "${storage[@]}" "$datadir/genesis.json" >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "geth init failed (log: $log)"
  fi
else
  echo "devnet: reusing the chain in $datadir"
fi

# ---- start ----------------------------------------------------------------------------------
# Crash-safe storage: leveldb hands every write to the OS at once and the hash scheme in archive
# mode writes each block's state as it is sealed, so even a kill -9 loses no sealed block (under
# geth's defaults, pebble and the path scheme, it can lose the chain back to genesis).
args=(--dev --dev.period 0 --datadir "$datadir" "${storage[@]}" --gcmode archive
  --http --http.addr 127.0.0.1 --http.port "$http_port" --http.api eth,net,web3,txpool
  --ws --ws.addr 127.0.0.1 --ws.port "$ws_port" --ws.api eth,net,web3,txpool
  --nodiscover --maxpeers 0)
echo "==== devnet.sh $(date -u +%FT%TZ): $geth ${args[*]}" >>"$log"
if [ "$mode" = background ] && command -v setsid >/dev/null; then
  setsid "$geth" "${args[@]}" </dev/null >>"$log" 2>&1 &
else
  "$geth" "${args[@]}" </dev/null >>"$log" 2>&1 &
fi
pid=$!
# $! is the process started above; make sure it is (or became, after exec) geth itself.
for ((i = 0; i < 50; i++)); do
  is_geth "$pid" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if ! is_geth "$pid"; then
  tail -n 30 "$log" >&2
  die "geth did not start (pid $pid is $(ps -p "$pid" -o comm= 2>/dev/null || echo gone)); log: $log"
fi
echo "$pid" >"$pidfile"
cleanup() {
  if is_geth "$pid"; then
    echo "devnet: stopping geth (pid $pid)…"
    stop_pid "$pid"
  fi
  rm -f "$pidfile"
}
trap 'cleanup; exit 130' INT TERM
trap cleanup EXIT

rpc() { # method params-json
  curl -sf --max-time 2 -H 'content-type: application/json' \
    --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" "http://127.0.0.1:$http_port"
}
for ((i = 0; ; i++)); do
  if ! is_geth "$pid"; then
    tail -n 30 "$log" >&2
    grep -q "address already in use" "$log" && die "a port is taken (see above)"
    die "geth exited during startup; log: $log"
  fi
  chain_id_hex=$(rpc eth_chainId '[]' 2>/dev/null | sed -n 's/.*"result":"\(0x[0-9a-fA-F]*\)".*/\1/p') || true
  [ -n "$chain_id_hex" ] && break
  [ "$i" -lt 1200 ] || die "geth's RPC did not answer within 2 minutes; log: $log"
  sleep 0.1
done
chain_id=$((chain_id_hex))

# The rules the running node applies, read from the node itself (admin API, over IPC only).
rules_js="(function(){var c=admin.nodeInfo.protocols.eth.config,t=eth.getBlock('latest').timestamp,on=[],later=[],off=[];
[['Shanghai','shanghaiTime'],['Cancun','cancunTime'],['Prague','pragueTime'],['Osaka','osakaTime'],['BPO1','bpo1Time'],['BPO2','bpo2Time'],['BPO3','bpo3Time'],['BPO4','bpo4Time'],['BPO5','bpo5Time'],['Amsterdam','amsterdamTime'],['Bogota','bogotaTime'],['UBT','ubtTime']].forEach(function(f){var v=c[f[1]];
if(v===undefined||v===null){off.push(f[0])}else if(v<=t){on.push(f[0])}else{later.push(f[0]+' at '+v)}});
return 'active: '+on.join(', ')+(later.length?'; scheduled: '+later.join(', '):'')+'; off: '+off.join(', ')})()"
rules=$("$geth" attach --exec "$rules_js" "$ipc" 2>/dev/null | tail -n 1 | sed 's/^"//; s/"$//') || rules="(could not read them over $ipc)"
dev_addr=0x71562b71999873DB5b286dF957af199Ec94617F7
accounts=$(rpc eth_accounts '[]' 2>/dev/null | sed -n 's/.*"result":\(\[[^]]*\]\).*/\1/p' || true)

cat <<EOF

PharmaTrace devnet is up: geth $version, pid $pid
  HTTP RPC     http://127.0.0.1:$http_port
  WebSocket    ws://127.0.0.1:$ws_port
  IPC          $ipc   (every API, admin and debug included: $geth attach $ipc)
  chain id     $chain_id
  rules        $rules
  dev account  $dev_addr, funded at genesis with 2^256-9 wei, unlocked in geth
               (eth_sendTransaction from it works; eth_accounts says ${accounts:-?})
  its key      go-ethereum's fixed, public developer key (cmd/utils.DeveloperKey):
               0xb71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291
               also in $datadir/keystore (empty passphrase). Never use it on a real network.
  blocks       sealed only when a transaction is pending (--dev.period 0)
  datadir      $datadir (the chain survives restarts, even kill -9; delete it for a new chain)
  log          $log
Try: curl -s -H 'content-type: application/json' --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' http://127.0.0.1:$http_port

Point PharmaTrace at it (a keystore account of your own as the first regulator, funded by the dev account):
  export PHARMATRACE_PASSPHRASE='choose one'
  A=\$(pharmatrace account new --keystore ./keys)
  curl -s -H 'content-type: application/json' --data '{"jsonrpc":"2.0","id":1,"method":"eth_sendTransaction","params":[{"from":"$dev_addr","to":"'\$A'","value":"0x3635c9adc5dea00000"}]}' http://127.0.0.1:$http_port
  pharmatrace deploy --rpc http://127.0.0.1:$http_port --keystore ./keys --regulator-gln 9506000000015 --regulator-name Regulator
  pharmatrace serve  --rpc ws://127.0.0.1:$ws_port --keystore ./keys     # runs the indexer too; or: pharmatrace index --rpc ws://127.0.0.1:$ws_port
  pharmatrace token create --participant Regulator
EOF
case $rules in
  *"active: Shanghai, Cancun, Prague, Osaka;"*) ;;
  *) echo "devnet: WARNING: this chain does not run exactly Osaka rules (a datadir made by plain geth --dev?); delete $datadir for an Osaka chain" >&2 ;;
esac

if [ "$mode" = background ]; then
  trap - INT TERM EXIT
  echo "Running in the background. Stop it with: $0 --stop --datadir $datadir"
  exit 0
fi
echo "Following the log; Ctrl-C stops the node."
tail -n 0 -f --pid="$pid" "$log" 2>/dev/null &
tail_pid=$!
set +e
wait "$pid"
status=$?
set -e
kill "$tail_pid" 2>/dev/null || true
if ! is_geth "$pid"; then
  rm -f "$pidfile"
  trap - EXIT
  echo "devnet: geth exited (status $status)"
  exit "$status"
fi
