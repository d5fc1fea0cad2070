# shell/lib/lib.mk - building the C library; included by the top-level Makefile.
#
# One portable source tree (shell/lib/*.c) and a little per-target code
# (shell/lib/arch/<target>/) make two archives:
#
#   build/wasm32/libc.a    for user programs compiled to WebAssembly
#   build/aarch64/libc.a   for user programs compiled to AArch64 ELF
#
# and `make libc-test` runs the host unit tests of the portable parts
# (tests/unit/libc/). LIBC_CFLAGS_<target> are also the flags for compiling
# user programs; the end of this file says how to link them.

LIBC_DIR     := shell/lib
LIBC_CC      ?= clang-19
LIBC_AR      ?= llvm-ar-19
LIBC_HOST_CC ?= clang-19
LIBC_LD_R    ?= ld.lld-19 -r
LIBC_OBJCOPY ?= llvm-objcopy-19
LIBC_NM      ?= llvm-nm-19

LIBC_SRC     := $(wildcard $(LIBC_DIR)/*.c)
# The utilities' shared helpers (shell/bin/util/, see util.h there) travel
# in the same archive, so that every program can use them and links only
# what it uses.
UTIL_DIR     := shell/bin/util
UTIL_SRC     := $(wildcard $(UTIL_DIR)/*.c)
LIBC_HEADERS := $(wildcard $(LIBC_DIR)/*.h $(LIBC_DIR)/include/*.h \
                           $(LIBC_DIR)/include/sys/*.h kernel/uapi/*.h)
LIBC_WASM32_ARCH  := $(wildcard $(LIBC_DIR)/arch/wasm32/*.c)
LIBC_AARCH64_ARCH := $(wildcard $(LIBC_DIR)/arch/aarch64/*.S)

# How the library and user programs are compiled: freestanding, against
# these headers and the compiler's own (stdint.h, stdarg.h, ...) only.
LIBC_INCLUDE := -I$(LIBC_DIR)/include
LIBC_COMMON  := -std=c11 -O2 -ffreestanding -nostdlibinc -fno-stack-protector \
                $(LIBC_INCLUDE)
LIBC_WARN    := -Wall -Wextra -Werror
LIBC_CFLAGS_wasm32  := --target=wasm32 $(LIBC_COMMON)
LIBC_CFLAGS_aarch64 := --target=aarch64-none-elf $(LIBC_COMMON)

# ---- the two archives ------------------------------------------------------

LIBC_OBJ_wasm32  := $(patsubst $(LIBC_DIR)/%.c,$(BUILD)/wasm32/libc/%.o,$(LIBC_SRC)) \
                    $(patsubst $(UTIL_DIR)/%.c,$(BUILD)/wasm32/libc/util/%.o,$(UTIL_SRC)) \
                    $(patsubst $(LIBC_DIR)/arch/wasm32/%.c,$(BUILD)/wasm32/libc/arch/%.o,$(LIBC_WASM32_ARCH))
LIBC_OBJ_aarch64 := $(patsubst $(LIBC_DIR)/%.c,$(BUILD)/aarch64/libc/%.o,$(LIBC_SRC)) \
                    $(patsubst $(UTIL_DIR)/%.c,$(BUILD)/aarch64/libc/util/%.o,$(UTIL_SRC)) \
                    $(patsubst $(LIBC_DIR)/arch/aarch64/%.S,$(BUILD)/aarch64/libc/arch/%.o,$(LIBC_AARCH64_ARCH))

.PHONY: libc libc-test
libc: $(BUILD)/wasm32/libc.a $(BUILD)/aarch64/libc.a

$(BUILD)/wasm32/libc.a: $(LIBC_OBJ_wasm32)
	@rm -f $@
	$(LIBC_AR) rcs $@ $^

$(BUILD)/aarch64/libc.a: $(LIBC_OBJ_aarch64)
	@rm -f $@
	$(LIBC_AR) rcs $@ $^

$(BUILD)/wasm32/libc/%.o: $(LIBC_DIR)/%.c $(LIBC_HEADERS)
	@mkdir -p $(dir $@)
	$(LIBC_CC) $(LIBC_CFLAGS_wasm32) $(LIBC_WARN) -c $< -o $@

$(BUILD)/wasm32/libc/arch/%.o: $(LIBC_DIR)/arch/wasm32/%.c $(LIBC_HEADERS)
	@mkdir -p $(dir $@)
	$(LIBC_CC) $(LIBC_CFLAGS_wasm32) $(LIBC_WARN) -c $< -o $@

$(BUILD)/wasm32/libc/util/%.o: $(UTIL_DIR)/%.c $(UTIL_DIR)/util.h $(LIBC_HEADERS)
	@mkdir -p $(dir $@)
	$(LIBC_CC) $(LIBC_CFLAGS_wasm32) $(LIBC_WARN) -c $< -o $@

$(BUILD)/aarch64/libc/util/%.o: $(UTIL_DIR)/%.c $(UTIL_DIR)/util.h $(LIBC_HEADERS)
	@mkdir -p $(dir $@)
	$(LIBC_CC) $(LIBC_CFLAGS_aarch64) $(LIBC_WARN) -c $< -o $@

$(BUILD)/aarch64/libc/%.o: $(LIBC_DIR)/%.c $(LIBC_HEADERS)
	@mkdir -p $(dir $@)
	$(LIBC_CC) $(LIBC_CFLAGS_aarch64) $(LIBC_WARN) -c $< -o $@

$(BUILD)/aarch64/libc/arch/%.o: $(LIBC_DIR)/arch/aarch64/%.S $(LIBC_HEADERS)
	@mkdir -p $(dir $@)
	$(LIBC_CC) $(LIBC_CFLAGS_aarch64) $(LIBC_WARN) -c $< -o $@

# ---- host unit tests -------------------------------------------------------
#
# The library defines printf, malloc, strlen ..., which would clash with the
# host's. So the library and the tests that exercise it (the "inside":
# tests/unit/libc/*.c except bridge.c) are compiled freestanding against the
# library's own headers, linked into one relocatable object, and every
# symbol in it is renamed with a dx_ prefix. The "outside", bridge.c, is
# ordinary host code: it provides main(), which enters the library through
# dx___libc_start_main, and the few host services the inside asks for by
# name (host_fork becomes dx_host_fork, and so on). The inside's
# __dx_syscall is tests/unit/libc/fake_kernel.c.
#
# Both sides are built with AddressSanitizer and UndefinedBehaviorSanitizer.
# The sanitizers' own symbols in the inside object (__asan_*, __ubsan_*,
# ...) are renamed back after the prefixing, so that they reach the runtime.
# Each file registers its own globals with ASan: the default, one section
# of globals for the whole link, would be registered once per file after
# the partial link and reported as an ODR violation.

LIBC_TEST_DIR    := tests/unit/libc
LIBC_TEST_INSIDE := $(filter-out $(LIBC_TEST_DIR)/bridge.c,$(wildcard $(LIBC_TEST_DIR)/*.c))
LIBC_TEST_SAN    := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                    -fno-sanitize-address-globals-dead-stripping \
                    -fno-omit-frame-pointer
LIBC_TEST_INSIDE_FLAGS := -std=c11 -g -O1 -ffreestanding -fno-builtin -nostdlibinc \
                    -fno-stack-protector $(LIBC_INCLUDE) -I$(LIBC_DIR) -I$(LIBC_TEST_DIR) \
                    $(LIBC_TEST_SAN) $(LIBC_WARN)
LIBC_TEST_OBJ    := $(patsubst $(LIBC_DIR)/%.c,$(BUILD)/host/libc/%.o,$(LIBC_SRC)) \
                    $(patsubst $(LIBC_TEST_DIR)/%.c,$(BUILD)/host/libc-test/%.o,$(LIBC_TEST_INSIDE))

libc-test: $(BUILD)/host/libc-test/run
	$(BUILD)/host/libc-test/run

$(BUILD)/host/libc/%.o: $(LIBC_DIR)/%.c $(LIBC_HEADERS)
	@mkdir -p $(dir $@)
	$(LIBC_HOST_CC) $(LIBC_TEST_INSIDE_FLAGS) -c $< -o $@

$(BUILD)/host/libc-test/%.o: $(LIBC_TEST_DIR)/%.c $(LIBC_HEADERS) $(wildcard $(LIBC_TEST_DIR)/*.h)
	@mkdir -p $(dir $@)
	$(LIBC_HOST_CC) $(LIBC_TEST_INSIDE_FLAGS) -c $< -o $@

# inside.o: the library and its tests as one object, every symbol dx_-prefixed.
$(BUILD)/host/libc-test/inside.o: $(LIBC_TEST_OBJ) $(LIBC_TEST_DIR)/prefix.sh
	$(LIBC_LD_R) -o $@.tmp $(LIBC_TEST_OBJ)
	OBJCOPY=$(LIBC_OBJCOPY) NM=$(LIBC_NM) sh $(LIBC_TEST_DIR)/prefix.sh $@.tmp $@
	@rm -f $@.tmp

$(BUILD)/host/libc-test/run: $(BUILD)/host/libc-test/inside.o $(LIBC_TEST_DIR)/bridge.c
	$(LIBC_HOST_CC) -std=c11 -g -O1 $(LIBC_TEST_SAN) $(LIBC_WARN) -o $@ \
	    $(LIBC_TEST_DIR)/bridge.c $(BUILD)/host/libc-test/inside.o -lm

# ---- for the rules that build user programs ---------------------------------
#
# Compile:  $(LIBC_CC) $(LIBC_CFLAGS_wasm32) -c prog.c      (or _aarch64)
#
# wasm32: link with wasm-ld, no entry point (--no-entry --stack-first
# --export=__heap_base ...: the Makefile's ULDFLAGS), then asyncify. The
# program's entry points are exported by arch/wasm32/crt.c, which every
# program links because it defines __dx_syscall.
#
# wasm32 programs MUST be linked with --table-base=2. A function pointer is
# an index into the function table, and wasm-ld starts those at 1 - the
# value of SIG_IGN. The first function whose address a program takes, often
# its signal handler, would compare equal to SIG_IGN and be ignored.
LIBC_LDFLAGS_wasm32 := --table-base=2
#
# aarch64: a static ELF entered at _start (arch/aarch64/start.S), plus the
# load address the arm64 platform wants (arm64/arm64.mk).
#
# Both are flags for the linker itself (wasm-ld-19, ld.lld-19).
LIBC_LDFLAGS_aarch64 := -static -nostdlib -e _start
