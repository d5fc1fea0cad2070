# Duplex - the one entry point.
#
#   make run            build what is missing and serve the web OS on http://127.0.0.1:8080
#   make dist           the page as a folder for any static web server: build/dist/
#   make test           every test suite: unit, transcripts on both targets, Node, browser
#   make shell          Duplex's shell in this terminal (the web build, through Node)
#   make qemu           the same kernel booted on an emulated ARM board (QEMU virt)
#   make bench          the benchmarks, beside the same figures measured on this host
#   make help           every target
#
# Every target that needs a tool first runs tools/deps.sh, which installs
# only what is missing.

SHELL    := /bin/bash
ifeq (,$(findstring -j,$(MAKEFLAGS)))
MAKEFLAGS += --jobs=$(shell nproc 2>/dev/null || echo 2)
endif
BUILD    := build
PORT     ?= 8080

CLANG    := clang-19
WASM_LD  := wasm-ld-19
LLVM_AR  := llvm-ar-19
WASM_OPT := wasm-opt
CC_HOST  := $(CLANG)

DEPS_OK  := $(BUILD)/.deps-ok

include shell/bin/bin.mk           # the utilities for the host, and which files are helpers
include shell/sh/sh.mk             # the shell for the host (sh-host, transcripts-host)

.PHONY: all help deps run dist test unit check-portable coverage web shell bench clean \
        test-node test-browser test-transcripts-web test-compat

all: web

help:
	@sed -n 's/^#   //p' Makefile
	@echo "  make unit           host unit tests of kernel/ and ipc/ (sanitizers on)"
	@echo "  make coverage       line coverage of kernel/ and ipc/ by the unit tests (>= 85%)"
	@echo "  make check-portable kernel/ and ipc/ compiled freestanding for wasm32 and aarch64;"
	@echo "                      no file cites one outside the repository"
	@echo "  make web            the web build: build/web/ (kernel.wasm, initramfs.tar)"
	@echo "  make arm64          the arm64 build: build/arm64/Image, initramfs inside"
	@echo "  make qemu-gdb       QEMU waiting for gdb (docs/arm64.md)"
	@echo "  make test-node      the transcripts and runtime tests on the web build"
	@echo "  make test-qemu      the transcripts and launcher tests on arm64"
	@echo "  make test-browser   the page in headless Chromium"
	@echo "  make libc-test      host tests of the C library"
	@echo "  make test-compat    tests/compat/ on the host, web and arm64: same output"
	@echo "  make clean          remove build/"

# The stamp is remade when the dependency list changes; deleting it forces a check.
$(DEPS_OK): tools/deps.sh package-lock.json
	@mkdir -p $(BUILD)
	tools/deps.sh
	@touch $@

deps: $(DEPS_OK)

clean:
	rm -rf $(BUILD)

# ---- the kernel, tested on the host -------------------------------------------------

KERNEL_SRC := $(filter-out kernel/string.c,$(wildcard kernel/*.c)) $(wildcard ipc/*.c)
KERNEL_HDR := $(wildcard kernel/*.h kernel/uapi/*.h)
UNIT_SRC   := $(wildcard tests/unit/*.c)
UNIT_FLAGS := -std=c11 -g -O1 -Wall -Wextra -Werror -fno-omit-frame-pointer -I.
SAN_FLAGS  := -fsanitize=address,undefined -fno-sanitize-recover=undefined

unit: $(BUILD)/unit/run $(BUILD)/unit32/run
	$(BUILD)/unit/run
	$(BUILD)/unit32/run

$(BUILD)/unit/run: $(KERNEL_SRC) $(UNIT_SRC) $(KERNEL_HDR) tests/unit/test.h | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC_HOST) $(UNIT_FLAGS) $(SAN_FLAGS) -o $@ $(KERNEL_SRC) $(UNIT_SRC)

# The heap's tests again on a 32-bit host, where pointers and size_t are
# 4 bytes as on wasm32 (the other tests assume a 64-bit long).
UNIT32_SRC := tests/unit/runner.c tests/unit/host.c tests/unit/test_kalloc.c
$(BUILD)/unit32/run: $(KERNEL_SRC) $(UNIT32_SRC) $(KERNEL_HDR) tests/unit/test.h | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC_HOST) -m32 $(UNIT_FLAGS) $(SAN_FLAGS) -o $@ $(KERNEL_SRC) $(UNIT32_SRC)

# The same tests, instrumented for coverage (no sanitizers: they skew counts).
$(BUILD)/cov/run: $(KERNEL_SRC) $(UNIT_SRC) $(KERNEL_HDR) tests/unit/test.h | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC_HOST) $(UNIT_FLAGS) -fprofile-instr-generate -fcoverage-mapping -o $@ \
	    $(KERNEL_SRC) $(UNIT_SRC)

coverage: $(BUILD)/cov/run
	@rm -rf $(BUILD)/cov/raw && mkdir -p $(BUILD)/cov/raw
	LLVM_PROFILE_FILE=$(BUILD)/cov/raw/%p.profraw $(BUILD)/cov/run
	@llvm-profdata-19 merge -sparse -o $(BUILD)/cov/unit.profdata $(BUILD)/cov/raw/*.profraw
	@llvm-cov-19 report $(BUILD)/cov/run -instr-profile=$(BUILD)/cov/unit.profdata \
	    $(KERNEL_SRC) | tee $(BUILD)/cov/report.txt
	@tools/coverage-check.sh $(BUILD)/cov/report.txt 85

# kernel/ and ipc/ must build freestanding for both targets, warnings as errors.
PORTABLE_FLAGS := -std=c11 -ffreestanding -nostdlib -Wall -Wextra -Werror -I.
check-portable: | $(DEPS_OK)
	@for t in wasm32 aarch64-none-elf; do \
	  for f in kernel/*.c ipc/*.c; do \
	    $(CLANG) --target=$$t $(PORTABLE_FLAGS) -c $$f -o /dev/null || exit 1; \
	  done; echo "check-portable: kernel/ and ipc/ build for $$t"; \
	done
	@! grep -nE '^\s*#\s*if.*(__wasm|__aarch64|__x86|__linux|WASM|ARM64|AARCH64)' \
	    kernel/*.c kernel/*.h kernel/uapi/*.h ipc/*.c || \
	    { echo "check-portable: target conditionals in kernel/ or ipc/"; exit 1; }
	@! grep -rlE --exclude-dir=.git --exclude-dir=build --exclude-dir=node_modules \
	    'ARCHITECTURE\.md|\.\./shared' . || \
	    { echo "check-portable: the files above cite files outside the repository"; exit 1; }

# ---- the web target ---------------------------------------------------------------

WEB := $(BUILD)/web
W32 := $(BUILD)/wasm32

KWASM_FLAGS := --target=wasm32 -mbulk-memory -std=c11 -O2 -ffreestanding -nostdlib -Wall -Wextra -Werror -I.
KWASM_SRC   := $(wildcard kernel/*.c) $(wildcard ipc/*.c) web/kernel_glue.c

$(WEB)/kernel.wasm: $(KWASM_SRC) $(KERNEL_HDR) | $(DEPS_OK)
	@mkdir -p $(W32)/kobj $(@D)
	@for f in $(KWASM_SRC); do \
	  $(CLANG) $(KWASM_FLAGS) -c $$f -o $(W32)/kobj/$$(basename $${f%.c}).o || exit 1; \
	done
	$(WASM_LD) --no-entry --initial-memory=134217728 -z stack-size=262144 --stack-first \
	    -o $@ $(W32)/kobj/*.o

# make bench's baseline for what trace costs when off: the same kernel
# without the test of p->trace in kernel_syscall (kernel/syscall.c).
NOTRACE := $(BUILD)/notrace
$(NOTRACE)/kernel.wasm: $(KWASM_SRC) $(KERNEL_HDR) | $(DEPS_OK)
	@mkdir -p $(NOTRACE)/kobj
	@for f in $(KWASM_SRC); do \
	  $(CLANG) $(KWASM_FLAGS) -DDUPLEX_NO_TRACE -c $$f -o $(NOTRACE)/kobj/$$(basename $${f%.c}).o || exit 1; \
	done
	$(WASM_LD) --no-entry --initial-memory=134217728 -z stack-size=262144 --stack-first \
	    -o $@ $(NOTRACE)/kobj/*.o

# The C library (shell/lib/lib.mk builds build/<target>/libc.a) and every
# program, for wasm32. Programs link against libc.a, then Binaryen's
# asyncify pass lets the runtime unwind and rewind them at a blocking
# system call.
include shell/lib/lib.mk
UCFLAGS := $(LIBC_CFLAGS_wasm32) $(LIBC_WARN)

ULDFLAGS := --no-entry --stack-first -z stack-size=262144 --export=__heap_base \
            --export=__stack_pointer \
            $(LIBC_LDFLAGS_wasm32) \
            --export=__dx_start --export=__dx_argbuf --export=__dx_asyncify_data \
            --export=__dx_sigframe \
            --export=asyncify_start_unwind --export=asyncify_stop_unwind \
            --export=asyncify_start_rewind --export=asyncify_stop_rewind
# compiler-rt's builtins (64x64->128-bit multiply and friends) for wasm32
WASM_RT  := $(shell $(CLANG) --target=wasm32-wasi --rtlib=compiler-rt -print-libgcc-file-name 2>/dev/null)
ASYNCIFY := --asyncify --pass-arg=asyncify-imports@sys.syscall,sys.preempt -O2

# The preemption points (web/preempt.js, run by tools/preempt.js): a check
# at loop heads and at the entry of functions that can recurse, put in
# before asyncify so that the web target can take the CPU from a program
# that never calls the kernel. The pass is on binaryen.js (npm), the same
# code that prepares a WASI program on the page. The functions of
# the C library and the compiler's runtime are trusted to end (the pass
# checks them only where they can call back into the program): the names
# they define, less those a program defines itself, are
# obj/NAME/trusted.names.
PREEMPT      := node --liftoff-only tools/preempt.js
# (binaryen.js comes from npm: $(DEPS_OK) has installed it, and a new
# version may place the checks differently, so the programs are made again)
PREEMPT_DEPS := tools/preempt.js web/preempt.js web/preempt-loops.js $(DEPS_OK)

defined_functions = $(LIBC_NM) --defined-only $(1) | awk 'NF == 3 && $$2 ~ /^[TtWw]$$/ { print $$3 }' | LC_ALL=C sort -u
# ... except the regular expressions and fnmatch: their backtracking can
# run as long as any loop of a program (grep '\(a*\)*\1b'), so they get
# the checks as a program's own code does.
LIBC_UNTRUSTED := $(addprefix $(W32)/libc/,regcomp.o regexec.o fnmatch.o)
$(W32)/libc.names: $(W32)/libc.a
	$(call defined_functions,$(LIBC_UNTRUSTED)) > $@.untrusted
	$(call defined_functions,$< $(WASM_RT)) | LC_ALL=C comm -23 - $@.untrusted > $@
	rm -f $@.untrusted

BIN_HELPERS := $(HOST_BIN_HELPERS)
BIN_SRC     := $(filter-out $(BIN_HELPERS),$(wildcard shell/bin/*.c))
# A program of several files is a directory shell/bin/NAME/ (bin.mk's
# HOST_BIN_DIRS), e.g. awk.
BIN_NAMES   := $(patsubst shell/bin/%.c,%,$(BIN_SRC)) $(HOST_BIN_DIRS)
SH_SRC      := $(wildcard shell/sh/*.c)
PROGS_W32   := $(patsubst %,$(W32)/bin/%,$(BIN_NAMES)) $(if $(SH_SRC),$(W32)/bin/sh)

# A program: compile, link (wasm-ld's asyncify exports are stubs until
# wasm-opt adds them), add the preemption points, then asyncify. The linked
# program is kept (obj/NAME/linked.wasm) for the copy of /bin without the
# points that `make bench` compares with. The objects of an earlier build
# go first: a source the program no longer has must not stay linked in.
WASM_OBJ = $(W32)/obj/$(notdir $@)
define wasm_program
	@mkdir -p $(WASM_OBJ) $(@D)
	@rm -f $(WASM_OBJ)/*.o
	@for f in $(1); do \
	  $(CLANG) $(UCFLAGS) -c $$f -o $(WASM_OBJ)/$$(basename $${f%.c}).o \
	    || exit 1; done
	$(WASM_LD) $(filter-out --export=asyncify%,$(ULDFLAGS)) \
	    -o $(WASM_OBJ)/linked.wasm \
	    $(WASM_OBJ)/*.o $(W32)/libc.a $(WASM_RT)
	$(call defined_functions,$(WASM_OBJ)/*.o) | \
	    LC_ALL=C comm -23 $(W32)/libc.names - > $(WASM_OBJ)/trusted.names
	$(PREEMPT) -t $(WASM_OBJ)/trusted.names \
	    $(WASM_OBJ)/linked.wasm $@.pre.wasm
	$(WASM_OPT) $(ASYNCIFY) $@.pre.wasm -o $@ && rm -f $@.pre.wasm
endef

PROG_DEPS := $(W32)/libc.a $(W32)/libc.names $(PREEMPT_DEPS)
$(W32)/bin/%: shell/bin/%.c $(PROG_DEPS)
	$(call wasm_program,$<)


# wc, sort and tail count lines with newlines.h.
$(W32)/bin/wc $(W32)/bin/sort $(W32)/bin/tail: shell/bin/newlines.h

$(W32)/bin/sh: $(SH_SRC) $(wildcard shell/sh/*.h) $(PROG_DEPS)
	$(call wasm_program,$(SH_SRC))

$(foreach d,$(HOST_BIN_DIRS),$(eval $(W32)/bin/$(d): $(wildcard shell/bin/$(d)/*) $(PROG_DEPS) ; \
    $$(call wasm_program,$(wildcard shell/bin/$(d)/*.c))))

# The compatibility programs (tests/compat/): textbook C, built as the
# system's programs are, but as a student's compiler would take them -
# warnings are not errors. They go to /tests/compat.
# The chapter's two exercises are /bin demos too, and in the suite.
COMPAT_DEMOS := shell/bin/forkpipe.c shell/bin/shmcounter.c \
                shell/bin/sockecho.c shell/bin/fdpass.c shell/bin/mqjobs.c
COMPAT_SRC   := $(wildcard tests/compat/*.c) $(COMPAT_DEMOS)
COMPAT_NAMES := $(basename $(notdir $(COMPAT_SRC)))
COMPAT_W32   := $(addprefix $(W32)/compat/,$(COMPAT_NAMES))
$(W32)/compat/%: UCFLAGS := $(LIBC_CFLAGS_wasm32) -Wall
$(W32)/compat/%: tests/compat/%.c $(PROG_DEPS)
	$(call wasm_program,$<)
$(W32)/compat/%: shell/bin/%.c $(PROG_DEPS)
	$(call wasm_program,$<)

# Programs of your own, in programs/ (tools/programs.mk): /usr/bin.
include tools/programs.mk

# The initramfs: /bin, /usr/bin, /etc, the transcripts and the manual (man/
# in /share/man), as a ustar archive.
TRANSCRIPTS := $(wildcard tests/transcripts/*.sh)
# The conformance suite (tests/posix/) goes to /tests/posix.
POSIX_CASES := $(wildcard tests/posix/*.sh tests/posix/*.out)
$(WEB)/initramfs.tar: $(PROGS_W32) $(COMPAT_W32) $(MY_PROGS_W32) $(MY_PROGS_DIRS) \
                      $(wildcard shell/bin/scripts/*) $(wildcard etc/*) $(TRANSCRIPTS) $(POSIX_CASES) \
                      $(wildcard man/*) tools/mkinitramfs.js
	@mkdir -p $(@D)
	$(call only_my_progs,$(W32)/usr/bin,$(MY_PROGS_W32))
	node tools/mkinitramfs.js $@ bin=$(W32)/bin bin=shell/bin/scripts usr/bin=$(W32)/usr/bin \
	    etc=etc tests=tests/transcripts tests/posix=tests/posix tests/compat=$(W32)/compat share/man=man

# The page's archive: the same /bin, /usr/bin, /etc and manual, without
# /tests (the transcripts and the compatibility programs are for the test
# runners, which boot initramfs.tar): a student's browser need not fetch them.
# Only init, the shell and /etc come with their bytes; every other file is
# listed by name, size and mode, and its bytes (with a .br beside them) are
# in $(WEB)/files/, which the page fetches at the file's first use.
# (/etc is read at every boot: init and the shell look up the user's name)
PAGE_KEEP := bin/init,bin/sh,etc/
$(WEB)/page.tar: $(PROGS_W32) $(MY_PROGS_W32) $(MY_PROGS_DIRS) $(wildcard shell/bin/scripts/*) \
                 $(wildcard etc/*) $(wildcard man/*) tools/mkinitramfs.js
	@mkdir -p $(@D)
	$(call only_my_progs,$(W32)/usr/bin,$(MY_PROGS_W32))
	node tools/mkinitramfs.js $@ --lazy=$(WEB)/files --keep=$(PAGE_KEEP) \
	    bin=$(W32)/bin bin=shell/bin/scripts usr/bin=$(W32)/usr/bin etc=etc share/man=man

web: $(WEB)/kernel.wasm $(WEB)/initramfs.tar $(WEB)/page.tar

# The same programs without preemption points, for `make bench`'s
# comparison: the linked programs, asyncified as they are.
PLAIN := $(BUILD)/plain
PROGS_PLAIN := $(patsubst $(W32)/bin/%,$(PLAIN)/bin/%,$(PROGS_W32))
$(PLAIN)/bin/%: $(W32)/bin/%
	@mkdir -p $(@D)
	$(WASM_OPT) $(ASYNCIFY) $(W32)/obj/$*/linked.wasm -o $@
$(PLAIN)/initramfs.tar: $(PROGS_PLAIN) $(wildcard etc/*) $(TRANSCRIPTS) tools/mkinitramfs.js
	node tools/mkinitramfs.js $@ bin=$(PLAIN)/bin etc=etc tests=tests/transcripts

# An interactive launcher ends with the shell's status, as a shell does;
# leaving by `exit N` or poweroff is the normal end of `make shell` and
# `make qemu`, whatever N. Only a kernel panic (70) or a deadlock (71) is
# an error of the target.
interactive = $(1) || { s=$$?; [ $$s -ne 70 ] && [ $$s -ne 71 ]; }

shell: web
	@$(call interactive,./duplex)

# What the page loads, compressed once per build with brotli's large
# window (tools/mkdist.js): `make run` sends these, and `make dist` copies
# them beside the files.
WEB_BR := $(WEB)/kernel.wasm.br $(WEB)/page.tar.br
$(WEB)/%.br: $(WEB)/% tools/mkdist.js
	node tools/mkdist.js compress $<

run: web $(WEB_BR) | $(DEPS_OK)
	node web/serve.js $(PORT)

dist: web $(WEB_BR) | $(DEPS_OK)
	node tools/mkdist.js dist $(BUILD)/dist

# ---- tests -----------------------------------------------------------------------

include tests/wasi/wasi.mk

test-node: web wasi-tests
	node --test tests/node/

test-browser: web dist wasi-tests
	node tests/browser/run.js

# tests/compat/: each program built for this host with its C compiler and
# glibc, as a student would build it, and for Duplex; the outputs must be
# the same, byte for byte, on the host, the web target and arm64.
COMPAT_HOST := $(addprefix $(BUILD)/host/compat/,$(COMPAT_NAMES))
$(BUILD)/host/compat/%: tests/compat/%.c
	@mkdir -p $(@D)
	cc -O2 -Wall -o $@ $< -pthread
$(BUILD)/host/compat/%: shell/bin/%.c
	@mkdir -p $(@D)
	cc -O2 -Wall -o $@ $< -pthread

test-compat: web arm64 $(COMPAT_HOST)
	node tests/compat/run.js $(COMPAT_NAMES)

# The suites run one after the other (each builds in parallel), so that
# their output reads in order and the timing-sensitive ones run alone.
TEST_SUITES := unit libc-test check-portable coverage fuzz-replay test-node test-qemu \
               test-compat test-browser
test: | $(DEPS_OK)
	@for s in $(TEST_SUITES); do \
	  echo "==== make $$s"; $(MAKE) --no-print-directory $$s || { echo "make test: $$s FAILED"; exit 1; }; \
	done; echo "make test: every suite passed ($(TEST_SUITES))"; \
	echo "suites: $(words $(TEST_SUITES)) passed, 0 failed"

# The host's figures come from the same program built for the host, optimised
# and without sanitizers.
$(BUILD)/host/bench/%: shell/bin/%.c $(wildcard shell/bin/util/*) | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC_HOST) -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
	    -o $@ $< $(wildcard shell/bin/util/*.c)

bench: web arm64 $(BUILD)/host/bench/pipebench $(BUILD)/host/bench/msgqbench \
       $(BUILD)/host/bench/forkbench $(BUILD)/host/bench/sockbench \
       $(BUILD)/host/bench/cmdbench $(PLAIN)/initramfs.tar $(WEB_BR) \
       $(BUILD)/host/bench/callbench $(NOTRACE)/kernel.wasm
	node tests/browser/startup.js
	node tests/node/bench.js
	node tests/browser/bench.js
	node tests/qemu/bench.js

-include arm64/arm64.mk

# ---- the system-call fuzzer and the soak test (tests/fuzz/README.md) ----------------
#
#   make fuzz           libFuzzer on every core for FUZZ_SECONDS (default 60);
#                       findings are kept in build/fuzz/findings, minimised and decoded
#   make fuzz-replay    the corpus in tests/fuzz/corpus, replayed (part of make test)
#   make fuzz-coverage  line coverage of kernel/ and ipc/ reached by the corpus
#   make soak           SOAK_SECONDS (default 600) of scripted shells on web and arm64

FUZZ         := $(BUILD)/fuzz
FUZZ_HSRC    := tests/fuzz/run.c tests/fuzz/end.c tests/fuzz/values.c tests/fuzz/args.c \
                tests/fuzz/calls.c tests/fuzz/sockargs.c tests/fuzz/archive.c \
                tests/fuzz/snapshot.c tests/fuzz/rawcopy.c
FUZZ_STATE   := $(KERNEL_SRC) tests/unit/host.c
FUZZ_DEPS    := $(KERNEL_HDR) tests/unit/test.h tests/fuzz/fuzz.h tests/fuzz/kstate.h | $(DEPS_OK)
FUZZ_CFLAGS  := $(UNIT_FLAGS) $(SAN_FLAGS)
FUZZ_LDFLAGS := -Wl,--wrap=kalloc -ldl
FUZZ_SECONDS ?= 60
SOAK_SECONDS ?= 600

.PHONY: fuzz fuzz-replay fuzz-coverage soak

# The kernel's files and host.c with their variables in the snapshot's
# sections (kstate.h); for libFuzzer, kernel/ and ipc/ also report coverage.
$(FUZZ)/kfz/%.o: %.c $(FUZZ_DEPS)
	@mkdir -p $(@D)
	$(CC_HOST) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -fno-sanitize-coverage=trace-cmp \
	    -include tests/fuzz/kstate.h -c $< -o $@
$(FUZZ)/k/%.o: %.c $(FUZZ_DEPS)
	@mkdir -p $(@D)
	$(CC_HOST) $(FUZZ_CFLAGS) -DHOST_CONSOLE_SIZE=4096 -include tests/fuzz/kstate.h -c $< -o $@
$(FUZZ)/h/%.o: %.c $(FUZZ_DEPS)
	@mkdir -p $(@D)
	$(CC_HOST) $(FUZZ_CFLAGS) -c $< -o $@
$(FUZZ)/cov/%.o: %.c $(FUZZ_DEPS)
	@mkdir -p $(@D)
	$(CC_HOST) $(UNIT_FLAGS) -fprofile-instr-generate -fcoverage-mapping -DHOST_CONSOLE_SIZE=4096 \
	    $(if $(filter tests/fuzz/%,$<),,-include tests/fuzz/kstate.h) -c $< -o $@

FUZZ_HOBJ := $(FUZZ_HSRC:%.c=$(FUZZ)/h/%.o)

$(FUZZ)/fuzz: $(KERNEL_SRC:%.c=$(FUZZ)/kfz/%.o) $(FUZZ)/k/tests/unit/host.o $(FUZZ_HOBJ) \
              $(FUZZ)/h/tests/fuzz/fuzz.o
	$(CC_HOST) $(SAN_FLAGS) -fsanitize=fuzzer $(FUZZ_LDFLAGS) -o $@ $^

$(FUZZ)/replay: $(FUZZ_STATE:%.c=$(FUZZ)/k/%.o) $(FUZZ_HOBJ) $(FUZZ)/h/tests/fuzz/replay.o
	$(CC_HOST) $(SAN_FLAGS) $(FUZZ_LDFLAGS) -o $@ $^

$(FUZZ)/replay-cov: $(FUZZ_STATE:%.c=$(FUZZ)/cov/%.o) \
                    $(FUZZ_HSRC:%.c=$(FUZZ)/cov/%.o) $(FUZZ)/cov/tests/fuzz/replay.o
	$(CC_HOST) -fprofile-instr-generate $(FUZZ_LDFLAGS) -o $@ $^

fuzz: $(FUZZ)/fuzz $(FUZZ)/replay
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/fuzz.sh

fuzz-replay: $(FUZZ)/replay
	$(FUZZ)/replay tests/fuzz/corpus

fuzz-coverage: $(FUZZ)/replay-cov
	@rm -f $(FUZZ)/replay.profraw
	LLVM_PROFILE_FILE=$(FUZZ)/replay.profraw $(FUZZ)/replay-cov $(or $(CORPUS),tests/fuzz/corpus)
	@llvm-profdata-19 merge -sparse -o $(FUZZ)/replay.profdata $(FUZZ)/replay.profraw
	@llvm-cov-19 report $(FUZZ)/replay-cov -instr-profile=$(FUZZ)/replay.profdata \
	    $(KERNEL_SRC) | tee $(FUZZ)/coverage.txt

soak: web arm64
	SOAK_SECONDS=$(SOAK_SECONDS) node tests/soak/soak.js
