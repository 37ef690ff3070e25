# Dossier — one Makefile for a fresh machine and a warm one.
#
#   make serve   install what is missing, then serve the widget at http://127.0.0.1:8080
#   make test    install what is missing (plus Chromium), then run every test tier
#   make dist    release build in dist/, with a size report
#
# Tools go into project-local folders (.tools/ for cargo-installed binaries,
# node_modules/ for npm ones); both are git-ignored. A stamp file per tool and
# version makes a second run skip straight to the work.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT  := $(CURDIR)
TOOLS := $(ROOT)/.tools
STAMP := $(TOOLS)/stamps
export PATH := $(ROOT)/node_modules/.bin:$(TOOLS)/bin:$(HOME)/.cargo/bin:$(PATH)

# A wasm module names its Rust sources in panic locations, written from the
# registry's root, not this machine's cargo home, so that no build depends
# on where a machine keeps that home. (The release build names none at all:
# web/release-build.sh adds -Zlocation-detail=none to these flags. A
# RUSTFLAGS in the environment would replace them. Cargo adds these to the
# flags .cargo/config.toml gives, such as wasm's 128-bit SIMD.)
CARGO_HOME ?= $(HOME)/.cargo
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS := --remap-path-prefix=$(CARGO_HOME)/registry/src/=

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock; read it, never write it twice.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

CHROMIUM    ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

LOGS := target/test-logs

BENCH := target/bench
# The build `make bench` compares this one against, side by side in one run.
BENCH_BASELINE ?= 98ce7ec
LIGHTHOUSE := .tools/lighthouse/node_modules/.bin/lighthouse

.PHONY: help tools node-tools xz browser serve dist size bench test lint fmt-check clippy test-native test-wasm test-e2e test-summary fixtures clean

help:
	@echo "make serve   set up and serve the widget at http://127.0.0.1:8080"
	@echo "make test    set up and run every test tier"
	@echo "make dist    release build in dist/ with a size report"
	@echo "make bench   benchmarks; writes docs/PERFORMANCE.md"

# ---------------------------------------------------------------- tools ---

$(STAMP):
	@mkdir -p $@

$(STAMP)/wasm32-target: | $(STAMP)
	rustup target add wasm32-unknown-unknown
	@touch $@

# The standard library's sources: the release build compiles it with the
# widget, for its size (web/release-build.sh).
$(STAMP)/rust-src: | $(STAMP)
	rustup component add rust-src
	@touch $@

# The tools are built for a short wait, not for speed: trunk hands its work to
# cargo, wasm-bindgen and wasm-opt, and wasm-bindgen takes a second a module
# unoptimised, so an opt-level 0 build serves as well and compiles in half the
# time (trunk 4.2 min against 8.4, wasm-bindgen-cli 1.3 against 2.3, on 2
# cores). Trunk leaves out its update check and TLS (rustls and ring):
# every build here is --offline, with wasm-bindgen and wasm-opt already on
# PATH, and `make serve` serves plain HTTP on 127.0.0.1.
TOOL_BUILD := CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 CARGO_PROFILE_RELEASE_DEBUG=false \
  CARGO_PROFILE_RELEASE_INCREMENTAL=false

$(STAMP)/trunk-$(TRUNK_VERSION): | $(STAMP)
	$(TOOL_BUILD) cargo install trunk --version $(TRUNK_VERSION) --locked --root $(TOOLS) \
	  --no-default-features
	@touch $@

# `--locked` fails against this registry mirror (a pinned dependency of the CLI
# is missing), so the CLI resolves its own dependencies.
$(STAMP)/wasm-bindgen-$(WASM_BINDGEN_VERSION): Cargo.lock | $(STAMP)
	$(TOOL_BUILD) cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --root $(TOOLS)
	@touch $@

# twiggy says where the reader's bytes go, for `make bench`'s report; only the
# bench builds it.
TWIGGY_VERSION := 0.8.0
$(STAMP)/twiggy-$(TWIGGY_VERSION): | $(STAMP)
	$(TOOL_BUILD) cargo install twiggy --version $(TWIGGY_VERSION) --locked --root $(TOOLS)
	@touch $@

# npm's binaryen ships a wasm-opt that understands what rustc 1.95 emits
# (Debian's binaryen 108 does not); it and the browser-test tools come from package-lock.json.
node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

node-tools: node_modules/.stamp

# Trunk and wasm-bindgen-cli build side by side: each leaves a core idle in
# its long single-crate stretches and its link, which the other fills (cold,
# with an empty cargo home: 235 s against 271 s one after the other).
tools: $(STAMP)/wasm32-target $(STAMP)/rust-src node-tools xz
	@$(MAKE) --no-print-directory -j2 $(STAMP)/trunk-$(TRUNK_VERSION) $(STAMP)/wasm-bindgen-$(WASM_BINDGEN_VERSION)

# xz packs the widget's module in a release build (web/pack-wasm.mjs), and
# the LZMA decoder's tests check against it (tests/lzma.rs).
xz:
	@if ! command -v xz > /dev/null; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq xz-utils; \
	fi

browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; \
	fi

# ---------------------------------------------------------------- build ---

serve: tools
	trunk serve --offline

dist: tools
	sh web/release-build.sh
	@$(MAKE) --no-print-directory size

size:
	@node .ci/size-report.mjs dist

# Benchmarks: criterion on the pure core, then the release build timed in
# Chromium at 10,000 events; both write docs/PERFORMANCE.md.
bench: tools browser $(STAMP)/twiggy-$(TWIGGY_VERSION)
	@mkdir -p $(BENCH)
	cargo bench --bench core
	sh web/release-build.sh
	node .ci/size-report.mjs dist | tee $(BENCH)/size.txt
	@# Where the reader's bytes go: its module as rustc leaves it, before
	@# wasm-bindgen and wasm-opt (which drop the names).
	twiggy top -n 60 -f json target/wasm32-unknown-unknown/release/app.wasm > $(BENCH)/twiggy.json
	cargo run --release --quiet --bin dossier -- generate 10000 > $(BENCH)/generated-10000.json
	cargo run --release --quiet --bin dossier -- generate 100000 > $(BENCH)/generated-100000.json
	cargo run --release --quiet --bin dossier -- generate 3000 1 1000 > $(BENCH)/network-1000.json
	cargo run --release --quiet --bin dossier -- generate-acled 20000 5 > $(BENCH)/acled-20000.csv
	if [ -x /usr/bin/time ]; then \
	  /usr/bin/time -f "%e s, peak RSS %M KB" -o $(BENCH)/acled-native.txt target/release/dossier import acled $(BENCH)/acled-20000.csv > /dev/null 2>&1; \
	else echo "not measured (no /usr/bin/time)" > $(BENCH)/acled-native.txt; fi
	CHROMIUM=$(CHROMIUM) node benches/browser.mjs $(BENCH)/generated-10000.json $(BENCH)/network-1000.json $(BENCH)/acled-20000.csv $(BENCH)/generated-100000.json > $(BENCH)/browser.json
	cargo build --release --target wasm32-unknown-unknown --bin layout-bench
	wasm-bindgen --target nodejs --out-dir $(BENCH)/layout-wasm target/wasm32-unknown-unknown/release/layout-bench.wasm
	echo '{"type": "commonjs"}' > $(BENCH)/layout-wasm/package.json
	node benches/layout-vs-d3.mjs $(BENCH)/layout-wasm > $(BENCH)/layout.json
	@# The baseline: the same release build of BENCH_BASELINE, from a worktree,
	@# in a target directory of its own (kept for the next run). Not this
	@# one: cargo names a workspace's own crate by its path within the
	@# workspace, so the worktree's build would take this crate's place in
	@# cargo's records, pointing at the worktree's sources, and the next
	@# `make dist` here would find it fresh and ship the baseline.
	rm -rf $(BENCH)/baseline && git worktree prune
	git worktree add --detach $(BENCH)/baseline $(BENCH_BASELINE)
	@# With its own .cargo/config.toml's rustc flags, and this Makefile's,
	@# and its own release build (web/release-build.sh, where it has one).
	cd $(BENCH)/baseline && ln -s $(ROOT)/node_modules node_modules && \
	  if [ -f web/release-build.sh ]; then build='sh web/release-build.sh'; else build='trunk build --release --offline'; fi && \
	  CARGO_TARGET_DIR=$(ROOT)/$(BENCH)/baseline-target $$build --dist $(ROOT)/$(BENCH)/baseline-dist
	twiggy top -n 60 -f json $(BENCH)/baseline-target/wasm32-unknown-unknown/release/app.wasm > $(BENCH)/twiggy-baseline.json
	if [ ! -x $(LIGHTHOUSE) ]; then npm install --no-audit --no-fund --prefix .tools/lighthouse lighthouse@13; fi
	CHROMIUM=$(CHROMIUM) node benches/lighthouse.mjs $(LIGHTHOUSE) dist $(BENCH)/baseline-dist > $(BENCH)/lighthouse.json
	CHROMIUM=$(CHROMIUM) node benches/unpack.mjs dist > $(BENCH)/unpack.json
	cargo run --release --quiet --bin dossier -- generate-acled 20000 5 248 > $(BENCH)/acled-20000-skewed.csv
	CHROMIUM=$(CHROMIUM) node benches/scale.mjs $(BENCH)/acled-20000-skewed.csv $(BENCH)/network-1000.json dist $(BENCH)/baseline-dist > $(BENCH)/scale.json
	cargo run --release --quiet --bin dossier -- generate 100 > $(BENCH)/generated-100.json
	CHROMIUM=$(CHROMIUM) node benches/editor.mjs $(BENCH)/generated-100.json dist $(BENCH)/baseline-dist > $(BENCH)/editor.json
	git worktree remove --force $(BENCH)/baseline
	BENCH_BASELINE=$(BENCH_BASELINE) node benches/report.mjs $(BENCH)/browser.json $(BENCH)/size.txt $(BENCH)/layout.json $(BENCH)/lighthouse.json $(BENCH)/scale.json $(BENCH)/editor.json $(BENCH)/twiggy.json $(BENCH)/twiggy-baseline.json $(BENCH)/unpack.json
	@# The byte budget: make bench fails when dist/ grows past the figure in
	@# .ci/size-budget-kb (the size today; the target is 120 KB).
	node .ci/size-report.mjs dist --budget-kb $$(cat .ci/size-budget-kb) > /dev/null

# ---------------------------------------------------------------- tests ---

test: tools browser
	@rm -rf $(LOGS) && mkdir -p $(LOGS)
	@status=0; \
	for tier in fmt-check clippy test-native test-wasm test-e2e; do \
	  echo "==> $$tier"; start=$$(date +%s); \
	  if $(MAKE) --no-print-directory $$tier 2>&1 | tee $(LOGS)/$$tier.log; then \
	    echo ok > $(LOGS)/$$tier.status; \
	  else \
	    echo FAILED > $(LOGS)/$$tier.status; status=1; \
	  fi; \
	  echo $$(( $$(date +%s) - start )) > $(LOGS)/$$tier.seconds; \
	done; \
	$(MAKE) --no-print-directory test-summary; \
	exit $$status

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test

test-wasm:
	CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target wasm32-unknown-unknown --test wasm

# Stories of every shape for the end-to-end checks and the gallery
# (src/import/shapes.rs): generated, never committed.
FIXTURES := tests/fixtures/shapes
fixtures:
	@mkdir -p $(FIXTURES)
	cargo build --quiet --bin dossier
	target/debug/dossier fixture --list | while read -r name ext _; do \
	  target/debug/dossier fixture $$name > $(FIXTURES)/$$name.$$ext; \
	done

test-e2e: fixtures
	sh web/release-build.sh
	@# The byte budget: what a reader's page downloads (.ci/size-report.mjs).
	node .ci/size-report.mjs dist --budget-kb $$(cat .ci/size-budget-kb)
	@# Two files at a time: each spends much of its time waiting on its
	@# browser (loads, layouts settling), so two share the cores well
	@# (119 tests in 342 s against 469 s one at a time, on 2 cores). The
	@# longest, every shape at each width, go first, one beside the other.
	CHROMIUM=$(CHROMIUM) node --test --test-concurrency=2 --test-reporter=spec \
	  tests/e2e/shapes-*.test.mjs $$(ls tests/e2e/*.test.mjs | grep -v /shapes-)

test-summary:
	@echo; echo "==================== test summary ===================="
	@for tier in fmt-check clippy test-native test-wasm test-e2e; do \
	  st=$$(cat $(LOGS)/$$tier.status 2>/dev/null || echo "not run"); \
	  case $$tier in \
	    test-native|test-wasm) detail=$$(grep -hE '^test result:' $(LOGS)/$$tier.log | \
	      awk '{p+=$$4; f+=$$6; i+=$$8} END {printf "%d passed, %d failed, %d ignored", p, f, i}');; \
	    test-e2e) detail=$$(grep -hE '^ℹ (tests|pass|fail) ' $(LOGS)/$$tier.log | awk '{printf "%s %s  ", $$2, $$3}');; \
	    *) detail="";; \
	  esac; \
	  secs=$$(cat $(LOGS)/$$tier.seconds 2>/dev/null || echo "?"); \
	  printf "%-12s %-8s %5ss  %s\n" "$$tier" "$$st" "$$secs" "$$detail"; \
	done

clean:
	cargo clean
	rm -rf dist
