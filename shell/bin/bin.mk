# shell/bin/bin.mk - build the utilities of shell/bin for the host.
#
# Included by the top-level Makefile (`include shell/bin/bin.mk`); also
# usable alone: `make -f shell/bin/bin.mk host-bin`.
#
# Every shell/bin/NAME.c is one program, build/host/bin/NAME, compiled
# against the host's C library with the flags Duplex's own programs must
# also pass, so that the same sources later build against shell/lib.
# Files listed in HOST_BIN_HELPERS are not programs: they are linked into
# the programs that need them (see the helper rules below).
#
#   make host-bin               build every utility (with ASan and UBSan)
#   make host-bin-check         run every tests/transcripts/*.sh on the host
#                               and compare with its .out (see below), and
#                               the cases of tests/posix/ with dash and GNU
#                               tools, compared with theirs
#   make host-bin HOST_BIN_SAN= build without the sanitizers

CC_HOST ?= clang-19       # as in the top-level Makefile
BUILD   ?= build

HOST_BIN_DIR     := $(BUILD)/host/bin
HOST_BIN_SAN     ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
HOST_BIN_CFLAGS  := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                    -Wall -Wextra -Werror -O1 -g -fno-omit-frame-pointer \
                    $(HOST_BIN_SAN)

# Helpers: .c files of shell/bin that are linked into programs, not
# programs. None today: the regular expressions are the C library's, and
# the shared helpers (shell/bin/util/) are linked into every program.
HOST_BIN_HELPERS :=
HOST_BIN_UTIL    := $(BUILD)/host/util/libutil.a
HOST_BIN_UTIL_O  := $(patsubst shell/bin/util/%.c,$(BUILD)/host/util/%.o,\
                      $(wildcard shell/bin/util/*.c))

# Programs that use Duplex's own system calls (<duplex.h>: init, ps, ...)
# have no host build.
HOST_BIN_DUPLEX_ONLY := $(shell grep -l '^\#include <duplex.h>' shell/bin/*.c 2>/dev/null)
# ... except ps, which reads Linux's /proc instead through a small host-only
# shim of its own (see ps.c), so that it and the transcripts using it run here.
HOST_BIN_DUPLEX_ONLY := $(filter-out shell/bin/ps.c,$(HOST_BIN_DUPLEX_ONLY))
# sigcatch names signals with sys_signame, which glibc does not have.
HOST_BIN_DUPLEX_ONLY += shell/bin/sigcatch.c

HOST_BIN_SRC   := $(filter-out $(HOST_BIN_HELPERS) $(HOST_BIN_DUPLEX_ONLY),\
                    $(wildcard shell/bin/*.c))
# Programs of several files: each directory of shell/bin but util/ and
# scripts/ is one (awk/), all its .c files linked together.
HOST_BIN_DIRS  := $(filter-out util scripts,$(patsubst shell/bin/%/,%,\
                    $(sort $(dir $(wildcard shell/bin/*/*.c)))))
HOST_BIN_PROGS := $(patsubst shell/bin/%.c,$(HOST_BIN_DIR)/%,$(HOST_BIN_SRC)) \
                  $(patsubst %,$(HOST_BIN_DIR)/%,$(HOST_BIN_DIRS))

# Programs that are shell scripts (egrep, fgrep): copied as they are.
HOST_BIN_SCRIPTS := $(patsubst shell/bin/scripts/%,$(HOST_BIN_DIR)/%,$(wildcard shell/bin/scripts/*))

.PHONY: host-bin host-bin-check
host-bin: $(HOST_BIN_PROGS) $(HOST_BIN_SCRIPTS)

$(HOST_BIN_DIR)/%: shell/bin/scripts/%
	@mkdir -p $(@D)
	cp $< $@

# One program from one source and the shared helpers (an archive), plus
# whatever .c files the explicit rules below add to its prerequisites.
$(HOST_BIN_DIR)/%: shell/bin/%.c $(HOST_BIN_UTIL)
	@mkdir -p $(@D)
	$(CC_HOST) $(HOST_BIN_CFLAGS) -o $@ $(filter %.c,$^) $(HOST_BIN_UTIL)

$(foreach d,$(HOST_BIN_DIRS),$(eval $(HOST_BIN_DIR)/$(d): $(wildcard shell/bin/$(d)/*) \
    $(HOST_BIN_UTIL) ; @mkdir -p $$(@D) ; \
    $$(CC_HOST) $$(HOST_BIN_CFLAGS) -o $$@ $(wildcard shell/bin/$(d)/*.c) $$(HOST_BIN_UTIL) -lm))

$(HOST_BIN_UTIL): $(HOST_BIN_UTIL_O)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/host/util/%.o: shell/bin/util/%.c shell/bin/util/util.h
	@mkdir -p $(@D)
	$(CC_HOST) $(HOST_BIN_CFLAGS) -c -o $@ $<

# wc, sort and tail count lines with newlines.h.
$(HOST_BIN_DIR)/wc $(HOST_BIN_DIR)/sort $(HOST_BIN_DIR)/tail: shell/bin/newlines.h

# `[` is test under another name (test looks at argv[0]). A copy rather
# than a make target, because `[` is a wildcard character for make.
$(HOST_BIN_DIR)/test: shell/bin/test.c $(HOST_BIN_UTIL)
	@mkdir -p $(@D)
	$(CC_HOST) $(HOST_BIN_CFLAGS) -o $@ $(filter %.c,$^) $(HOST_BIN_UTIL)
	cp $@ '$(@D)/['

# Each transcript runs in tests/transcripts/ with the host-built utilities
# first on PATH; its stdout and stderr together must equal NAME.out.
# HOST_BIN_SH is the shell that runs them (the sh_* transcripts need
# Duplex's own shell, e.g. HOST_BIN_SH=$(abspath build/host/sh));
# HOST_BIN_TESTS picks transcripts, e.g. HOST_BIN_TESTS='text_*'.
# First, the POSIX conformance suite's cases run with the host's dash and
# GNU tools, the reference its .out files must equal (tests/posix/host.sh).
HOST_BIN_SH    ?= sh
HOST_BIN_TESTS ?= *
host-bin-check: host-bin
	@fail=0; tests/posix/host.sh || fail=1; \
	for t in tests/transcripts/$(HOST_BIN_TESTS).sh; do \
	  n=$${t%.sh}; \
	  if (cd tests/transcripts && PATH="$(abspath $(HOST_BIN_DIR)):$$PATH" \
	      $(HOST_BIN_SH) $$(basename $$t) 2>&1) | diff -u $$n.out - >/dev/null; then \
	    echo "ok   $$t"; \
	  else echo "FAIL $$t"; fail=1; fi; \
	done; exit $$fail
