# Shared make rules for StartOS service packages built with @start9labs/start-sdk.
# Use: put overrides (ARCHES, VARIANT, ...) in your Makefile, then
#   include node_modules/@start9labs/start-sdk/s9pk.mk
# Needs start-cli, npm, git and jq on PATH.

PACKAGE_ID := $(shell awk -F"'" '/^[[:space:]]*id:/ { print $$2; exit }' startos/manifest/index.ts 2>/dev/null)
ARCHES ?= x86 arm riscv
TARGETS ?= $(ARCHES)
BASE_NAME := $(if $(VARIANT),$(PACKAGE_ID)_$(VARIANT),$(PACKAGE_ID))
GIT_DIR := $(shell git rev-parse --git-dir 2>/dev/null)
GIT_DEPS := $(wildcard $(GIT_DIR)/HEAD $(GIT_DIR)/index)
TS_SOURCES := $(shell find startos -name '*.ts' 2>/dev/null)

.DELETE_ON_ERROR:
.SECONDARY:
.PHONY: all arches universal clean check-deps install print-% x86 x86_64 arm arm64 aarch64 riscv riscv64

all: $(TARGETS)

arches: $(ARCHES)

print-%:
	@echo '$($*)'

x86 x86_64: $(BASE_NAME)_x86_64.s9pk
arm arm64 aarch64: $(BASE_NAME)_aarch64.s9pk
riscv riscv64: $(BASE_NAME)_riscv64.s9pk
universal: $(BASE_NAME).s9pk

$(BASE_NAME)_%.s9pk: javascript/index.js $(GIT_DEPS) | check-deps
	start-cli s9pk pack --arch=$* -o $@

$(BASE_NAME).s9pk: javascript/index.js $(GIT_DEPS) | check-deps
	start-cli s9pk pack -o $@

javascript/index.js: $(TS_SOURCES) tsconfig.json node_modules | check-deps
	npm run check
	npm run build

node_modules: package-lock.json
	npm ci

check-deps:
	@for cmd in start-cli npm git jq; do \
	  command -v $$cmd >/dev/null || { echo "s9pk.mk: '$$cmd' is not on PATH; install it first" >&2; exit 1; }; \
	done

install: | check-deps
	@file=$$(ls -t *.s9pk 2>/dev/null | head -n 1); \
	[ -n "$$file" ] || { echo "s9pk.mk: no .s9pk here; run 'make' first" >&2; exit 1; }; \
	start-cli package install -s "$$file"

clean:
	rm -rf javascript *.s9pk
