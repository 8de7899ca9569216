# PharmaTrace — the targets a newcomer can guess.
GO      ?= go
NPM     ?= npm
PKGS    ?= ./...

.PHONY: all demo build test test-deps test-race bench gas lint vet contracts bindings check-generated deps clean help bench-indexer bench-labels bench-verify

all: build

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 20

DATA ?= ./data
ADDR ?= 127.0.0.1:8080

demo: ## run the whole platform on an embedded chain with seeded data (DATA=./data ADDR=127.0.0.1:8080)
	$(GO) run ./cmd/pharmatrace demo --data $(DATA) --addr $(ADDR)

build: ## build bin/pharmatrace
	$(GO) build -o bin/pharmatrace ./cmd/pharmatrace

test: test-deps ## run every test (contracts on a simulated chain, Go packages, a real geth, Chromium)
	$(GO) test -count=1 -timeout 20m $(PKGS)

test-deps: web/e2e/node_modules /usr/bin/chromium ## what the browser tests need: playwright-core, Chromium

web/e2e/node_modules: web/e2e/package.json web/e2e/package-lock.json
	cd web/e2e && $(NPM) ci --no-audit --no-fund
	@touch $@

# Debian's Chromium, installed with apt as root (or through sudo); PHARMATRACE_SKIP_BROWSER=1
# skips the browser tests where it cannot be installed.
/usr/bin/chromium:
	@if [ "$$PHARMATRACE_SKIP_BROWSER" = 1 ]; then echo "PHARMATRACE_SKIP_BROWSER=1: not installing Chromium"; \
	else sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; fi

test-race: ## run every test under the race detector
	$(GO) test -race -count=1 -timeout 30m $(PKGS)

bench: ## run the Go benchmarks once each
	$(GO) test -run '^$$' -bench . -benchtime 1x $(PKGS)

gas: ## gas per operation against an ERC-721 baseline, on a simulated Osaka chain
	$(GO) run ./scripts/gas

vet: ## go vet
	$(GO) vet $(PKGS)

lint: vet ## gofmt check and go vet
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^bindings/')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

contracts/node_modules: contracts/package.json contracts/package-lock.json
	cd contracts && $(NPM) ci --no-audit --no-fund
	@touch $@

deps: contracts/node_modules ## install the pinned solc and OpenZeppelin

contracts: contracts/node_modules ## compile the Solidity into contracts/artifacts
	node scripts/compile.js

bindings: ## generate bindings/ from contracts/artifacts with the pinned abigen
	scripts/bindings.sh

check-generated: contracts/node_modules ## fail if artifacts or bindings differ from a fresh build
	scripts/check-generated.sh

clean: ## remove build outputs
	rm -rf bin

bench-indexer: ## backfill >= 200 000 events from a local geth into SQLite and PostgreSQL vs bare eth_getLogs
	$(GO) run ./scripts/benchindexer

bench-labels: ## a 10 000-label PDF label sheet, once: time (goal < 10 s) and size
	$(GO) test -run '^$$' -bench '^BenchmarkSheet10000$$' -benchtime 1x ./labels

bench-verify: ## verify at 2 000 req/s (p95 < 3 ms) and saturated vs a trivial route (>= 0.25x), on a 100 000-pack SQLite mirror
	$(GO) run ./scripts/benchverify
