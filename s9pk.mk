# s9pk.mk: shared make rules for a StartOS service package written with @start9labs/start-sdk.
#
# A package's Makefile sets its overrides first, then includes this file:
#
#     ARCHES := x86 arm                    # optional: the arches `make` builds
#     include node_modules/@start9labs/start-sdk/s9pk.mk
#
# Overridable: ARCHES (default `x86 arm riscv`), TARGETS (default $(ARCHES)) and VARIANT
# (packs <id>_<variant>[_<arch>].s9pk). `make print-NAME` echoes any variable.
# Tools: start-cli to pack, install and publish; npm, git and jq; s3cmd to publish.
# Without start-cli, `make javascript/index.js`, `print-%` and `clean` still work.

S9PK_DOCS := https://docs.start9.com/packaging/environment-setup.html

# ---------------------------------------------------------------------------- inputs
# The package id: the first `id: '…'` (or "…") line of the manifest source.
PACKAGE_ID := $(shell sed -n -E "/^[[:space:]]*id:/{s/^[[:space:]]*id:[[:space:]]*['\"]([^'\"]*)['\"].*/\1/p;q;}" startos/manifest/index.ts 2>/dev/null)
START_CLI := $(shell command -v start-cli 2>/dev/null)
# Every file the pack reads, as start-cli reports it (empty without start-cli), and the bundle.
INGREDIENTS := $(if $(START_CLI),$(shell start-cli s9pk list-ingredients 2>/dev/null))
PACK_INPUTS := $(sort javascript/index.js $(INGREDIENTS))
# The manifest records the commit, so HEAD and the index (when present: a fresh
# `git init` has no index yet) are rebuild triggers. `git rev-parse` finds the real
# git dir in worktrees too, where .git is a file.
GIT_DIR := $(shell git rev-parse --git-dir 2>/dev/null)
GIT_DEPS := $(if $(GIT_DIR),$(wildcard $(GIT_DIR)/HEAD $(GIT_DIR)/index))
STARTOS_FILES := $(shell find startos -type f 2>/dev/null)

ARCHES ?= x86 arm riscv
TARGETS ?= $(ARCHES)
BASE_NAME := $(PACKAGE_ID)$(if $(VARIANT),_$(VARIANT))

# Fails the recipe when the package id could not be read.
define need_package_id
$(if $(PACKAGE_ID),,$(error s9pk.mk: no package id found: startos/manifest/index.ts must have a line `id: '<package-id>'`))
endef

# Prints what was packed: title, version, size, arches, SDK version and git commit.
define SUMMARY
	@manifest=$$(start-cli s9pk inspect '$(1)' manifest) || exit 1; \
	read_field() { printf '%s' "$$manifest" | jq -r "$$1"; }; \
	printf '\nPacked %s\n' '$(1)'; \
	printf '  %-8s %s\n' \
	  title "$$(read_field .title)" \
	  version "$$(read_field .version)" \
	  size "$$(du -h '$(1)' | cut -f1)" \
	  arch "$$(read_field '[.images[].arch // []] | flatten | unique | join(", ")')" \
	  sdk "$$(read_field .sdkVersion)" \
	  git "$$(read_field .gitHash)"
endef

.DELETE_ON_ERROR:
.SECONDARY:
.PHONY: all arches universal x86 x86_64 arm arm64 aarch64 riscv riscv64 ingredients \
	install publish clean check-deps check-s3cmd check-init

# ---------------------------------------------------------------------------- packs
all: $(TARGETS)

arches: $(ARCHES)

print-%:
	@echo '$($*)'

# check-deps comes first (order-only prerequisites run in order, after normal ones), so
# a missing tool is reported before anything is built.
x86 x86_64: | check-deps arch/x86_64
arm arm64 aarch64: | check-deps arch/aarch64
riscv riscv64: | check-deps arch/riscv64

arch/%: | check-deps $(BASE_NAME)_%.s9pk
	$(call SUMMARY,$(BASE_NAME)_$*.s9pk)

universal: | check-deps $(BASE_NAME).s9pk
	$(call SUMMARY,$(BASE_NAME).s9pk)

# A sub-make re-reads the ingredients once the bundle exists (the list can depend on it).
$(BASE_NAME)_%.s9pk: $(PACK_INPUTS) $(GIT_DEPS) | check-deps
	$(need_package_id)
	@$(MAKE) --no-print-directory ingredients
	start-cli s9pk pack --arch=$* -o $@

$(BASE_NAME).s9pk: $(PACK_INPUTS) $(GIT_DEPS) | check-deps
	$(need_package_id)
	@$(MAKE) --no-print-directory ingredients
	start-cli s9pk pack -o $@

ingredients: $(PACK_INPUTS)
	@echo 's9pk.mk: ingredients up to date'

# ---------------------------------------------------------------------------- bundle
javascript/index.js: $(STARTOS_FILES) tsconfig.json node_modules
	npm run check
	@lint=node_modules/@start9labs/start-sdk/lint.mjs; if [ -f "$$lint" ]; then node "$$lint"; fi
	npm run build

node_modules: package.json $(wildcard package-lock.json)
	@if [ -f package-lock.json ]; then npm ci; else npm install; fi
	@touch node_modules

# ---------------------------------------------------------------------------- device
install: | check-deps check-init
	@ls ./*.s9pk >/dev/null 2>&1 || { echo "s9pk.mk: no .s9pk file in $(CURDIR): build one first with 'make'" >&2; exit 1; }
	@s9pk=$$(start-cli s9pk select) || exit 1; \
	echo "Installing $$s9pk"; \
	start-cli package install -s "$$s9pk"

# The tools are checked before anything is built.
publish: | check-deps check-s3cmd all
	@now=$$(date +%s); \
	for s9pk in ./*.s9pk; do \
	  minutes=$$(( (now - $$(date -r "$$s9pk" +%s)) / 60 )); \
	  if [ "$$minutes" -gt 60 ]; then \
	    printf '%s was built %s minutes ago. Publish it anyway? [y/N] ' "$$s9pk" "$$minutes"; \
	    read -r answer; \
	    case "$$answer" in [yY]*) ;; *) echo "Skipped $$s9pk"; continue ;; esac; \
	  fi; \
	  start-cli s9pk publish "$$s9pk" || exit 1; \
	done

# ---------------------------------------------------------------------------- checks
check-deps:
	@missing=0; \
	report() { echo "s9pk.mk: '$$1' was not found on PATH: $$2 See $(S9PK_DOCS)" >&2; missing=1; }; \
	command -v start-cli >/dev/null 2>&1 || report start-cli 'it packs, installs and publishes .s9pk files; install the StartOS CLI (start-cli).'; \
	command -v npm >/dev/null 2>&1 || report npm 'it builds javascript/index.js; install Node.js, which brings npm.'; \
	command -v git >/dev/null 2>&1 || report git 'the manifest records the commit it was built from; install git.'; \
	command -v jq >/dev/null 2>&1 || report jq 'it reads the packed manifest for the build summary; install jq.'; \
	exit $$missing

check-s3cmd:
	@command -v s3cmd >/dev/null 2>&1 || { echo "s9pk.mk: 's3cmd' was not found on PATH: publishing uploads through it; install s3cmd and configure it (s3cmd --configure)" >&2; exit 1; }

check-init:
	@if [ ! -f "$$HOME/.startos/developer.key.pem" ]; then \
	  command -v start-cli >/dev/null 2>&1 || { echo "s9pk.mk: no developer key at ~/.startos/developer.key.pem, and 'start-cli' (which creates it) was not found on PATH: install start-cli, see $(S9PK_DOCS)" >&2; exit 1; }; \
	  echo 's9pk.mk: creating a StartOS developer key (start-cli init-key)'; \
	  start-cli init-key; \
	fi

clean:
	rm -rf javascript node_modules $(if $(PACKAGE_ID),$(PACKAGE_ID).s9pk $(PACKAGE_ID)_*.s9pk)
