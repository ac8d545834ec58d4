# The two commands a newcomer needs, on a fresh Debian or Ubuntu machine:
#   make run    build and start the desktop app (a sample plan is there on first start)
#   make test   everything CI checks: formatting, lints, type checks, unit, UI, CLI and
#               end-to-end tests (the real app in a virtual display)
# Each installs what it needs on first use (Debian packages, npm packages, tauri-driver).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

APT_PACKAGES := build-essential pkg-config libwebkit2gtk-4.1-dev libxdo-dev libssl-dev \
	libayatana-appindicator3-dev librsvg2-dev webkit2gtk-driver xvfb xauth poppler-utils qpdf python3 \
	python3-pikepdf
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APP_BIN := target/debug/micro-credential-planner

.PHONY: run test system-deps ui-deps ui-build tauri-driver app lint ui-test rust-test e2e

run: system-deps ui-build
	cargo run -p planner-app

test: lint ui-test rust-test e2e
	@echo "All checks passed."

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null \
		| grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v cargo >/dev/null || { echo "Rust is needed: see https://rustup.rs"; exit 1; }
	@command -v npm >/dev/null || { echo "Installing Node.js"; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node.js 20.19 or newer is needed, found "+process.version); process.exit(1) }'

ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
ui-deps: system-deps ui/node_modules/.package-lock.json

ui-build: ui-deps
	cd ui && npm run build

tauri-driver:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --version '^2' --locked

lint: ui-build
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	cd ui && npm run check

ui-test: ui-deps
	cd ui && npm test

rust-test: ui-build
	cargo test --workspace

# Built for the whole workspace with all targets, so dependencies resolve their features exactly
# as in `cargo test --workspace` and nothing is compiled twice.
app: ui-build
	cargo build --workspace --all-targets

# The whole suite once per system locale: a desktop's, and the C locale of Debian and Ubuntu
# containers, which names no language (the window must still open, with figures in English).
E2E_LOCALES := en_US.UTF-8 C.UTF-8

e2e: app tauri-driver
	for locale in $(E2E_LOCALES); do \
		echo "End-to-end tests under LANG=$$locale"; \
		MCPLAN_E2E_LOCALE=$$locale MCPLAN_APP_BIN=$(CURDIR)/$(APP_BIN) \
			xvfb-run -a -s "-screen 0 1280x800x24" \
			cargo test --workspace --features planner-tests/e2e --test e2e -- --test-threads=1 \
			|| exit 1; \
	done
