# arm64/arm64.mk - the AArch64 target: the kernel image for QEMU's virt
# board, and every user program as a static AArch64 ELF executable.
# Included by the top-level Makefile (after shell/lib/lib.mk, if that is
# included too).
#
#   make arm64          build/arm64/Image: the kernel with its initramfs inside
#   make qemu           boot it in this terminal (QEMU, -serial stdio); `exit`,
#                       `poweroff` or Ctrl-A x leaves
#   make qemu-gdb       the same, stopped at the first instruction, waiting for gdb
#                       on port 1234 (docs/arm64.md says what to type)
#   make test-qemu      every transcript on arm64 (tests/qemu/run.sh), the POSIX
#                       suite (tests/qemu/posix.sh), then the launcher and boot
#                       checks (tests/qemu/launcher.sh)
#   make bench-qemu     time from QEMU's start to the shell's prompt
#
# Layout of build/: aarch64/ holds user space (libc.a, bin/, initramfs.tar),
# as wasm32/ does for the web; arm64/ holds the kernel (objects, kernel.elf
# with symbols for gdb, Image for QEMU).

ifndef ARM64_MK                       # once, even if named twice with -f
ARM64_MK := 1

A64_CLANG   ?= clang-19
A64_LD      ?= ld.lld-19
A64_AR      ?= llvm-ar-19
A64_OBJCOPY ?= llvm-objcopy-19

A64K := $(BUILD)/arm64
A64U := $(BUILD)/aarch64

.PHONY: arm64 qemu qemu-gdb test-qemu bench-qemu aarch64-progs

# ---- user space ----------------------------------------------------------------
#
# The same sources as the web build, compiled for aarch64-none-elf against
# shell/lib. Programs are linked at 4 GiB (USER_BASE in arm64/arm64.h):
# the low 4 GiB of every address space belong to the kernel.

A64_UCFLAGS  := --target=aarch64-none-elf -mcpu=cortex-a72 -std=c11 -O2 -g \
                -Wall -Wextra -Werror -nostdlibinc -isystem shell/lib/include \
                -ffreestanding -fno-builtin-printf -fno-stack-protector
A64_ULDFLAGS := -static -nostdlib -e _start --image-base=0x100000000 \
                -z max-page-size=4096 -z norelro --build-id=none

# The C library: shell/lib/lib.mk has the rule when it is included;
# otherwise this one builds the same archive.
ifndef LIBC_OBJ_aarch64
A64_LIBC_OBJ := $(patsubst shell/lib/%.c,$(A64U)/libc/%.o,$(wildcard shell/lib/*.c)) \
                $(patsubst shell/lib/arch/aarch64/%.S,$(A64U)/libc/arch/%.o,\
                    $(wildcard shell/lib/arch/aarch64/*.S))
A64_LIBC_HDR := $(wildcard shell/lib/*.h shell/lib/include/*.h shell/lib/include/sys/*.h \
                           kernel/uapi/*.h)

$(A64U)/libc.a: $(A64_LIBC_OBJ)
	@rm -f $@
	$(A64_AR) rcs $@ $^

$(A64U)/libc/%.o: shell/lib/%.c $(A64_LIBC_HDR)
	@mkdir -p $(@D)
	$(A64_CLANG) $(A64_UCFLAGS) -c $< -o $@

$(A64U)/libc/arch/%.o: shell/lib/arch/aarch64/%.S $(A64_LIBC_HDR)
	@mkdir -p $(@D)
	$(A64_CLANG) $(A64_UCFLAGS) -c $< -o $@
endif

# Helpers: the .c files of shell/bin that are not programs, linked into
# the programs that use them: the web build's list, or else the files
# without a main (none today).
A64_HELPERS  := $(or $(BIN_HELPERS),$(shell grep -L '^int main' shell/bin/*.c))
A64_BIN_SRC  := $(filter-out $(A64_HELPERS),$(wildcard shell/bin/*.c))
A64_SH_SRC   := $(wildcard shell/sh/*.c)
A64_PROGS    := $(patsubst shell/bin/%.c,$(A64U)/bin/%,$(A64_BIN_SRC)) \
                $(patsubst %,$(A64U)/bin/%,$(HOST_BIN_DIRS)) \
                $(if $(A64_SH_SRC),$(A64U)/bin/sh)

# A program from its sources: compile each, link with libc.a. The
# initramfs gets a copy without debugging information; gdb reads the
# full one in debug/ (docs/arm64.md).
A64_OBJ = $(A64U)/obj/$(notdir $@)
A64_DEBUG = $(A64U)/debug/$(notdir $@)
define a64_program
	@mkdir -p $(A64_OBJ) $(dir $(A64_DEBUG)) $(@D)
	@rm -f $(A64_OBJ)/*.o
	@for f in $(1); do \
	  $(A64_CLANG) $(A64_UCFLAGS) -c $$f -o $(A64_OBJ)/$$(basename $${f%.c}).o \
	    || exit 1; done
	$(A64_LD) $(A64_ULDFLAGS) -o $(A64_DEBUG) $(A64_OBJ)/*.o \
	    $(A64U)/libc.a
	$(A64_OBJCOPY) --strip-debug $(A64_DEBUG) $@
endef

$(A64U)/bin/%: shell/bin/%.c $(A64U)/libc.a
	$(call a64_program,$<)

# wc, sort and tail count lines with newlines.h.
$(A64U)/bin/wc $(A64U)/bin/sort $(A64U)/bin/tail: shell/bin/newlines.h

$(A64U)/bin/sh: $(A64_SH_SRC) $(wildcard shell/sh/*.h) $(A64U)/libc.a
	$(call a64_program,$(A64_SH_SRC))

# Programs of several files: a directory shell/bin/NAME/ (bin.mk).
$(foreach d,$(HOST_BIN_DIRS),$(eval $(A64U)/bin/$(d): $(wildcard shell/bin/$(d)/*) $(A64U)/libc.a ; \
    $$(call a64_program,$(wildcard shell/bin/$(d)/*.c))))

aarch64-progs: $(A64_PROGS)

# The compatibility programs (tests/compat/), as the web build has them.
A64_COMPAT_SRC := $(or $(COMPAT_SRC),$(wildcard tests/compat/*.c))
A64_COMPAT := $(addprefix $(A64U)/compat/,$(basename $(notdir $(A64_COMPAT_SRC))))
$(A64U)/compat/%: A64_UCFLAGS := $(filter-out -Werror,$(A64_UCFLAGS))
$(A64U)/compat/%: tests/compat/%.c $(A64U)/libc.a
	$(call a64_program,$<)
$(A64U)/compat/%: shell/bin/%.c $(A64U)/libc.a
	$(call a64_program,$<)

# Programs of your own (tools/programs.mk): /usr/bin, and tools/duplex-cc's
# NAME.arm64; a student's warnings, not errors.
A64_USER_UCFLAGS := $(filter-out -Werror -Wextra,$(A64_UCFLAGS))
$(A64U)/usr/bin/%: A64_UCFLAGS := $(A64_USER_UCFLAGS)
$(A64U)/usr/bin/%: A64_OBJ = $(A64U)/obj/usr/$(notdir $@)
$(A64U)/usr/bin/%: A64_DEBUG = $(A64U)/debug/usr/$(notdir $@)
$(A64U)/usr/bin/%: programs/%.c $(A64U)/libc.a
	@rm -rf $(A64_OBJ)
	$(call a64_program,$<)
define a64_dir_program
$(A64U)/usr/bin/$(1): $(wildcard programs/$(1)/*.[ch]) $(A64U)/libc.a
	@rm -rf $$(A64_OBJ)
	$$(call a64_program,$$(filter %.c,$$^))
endef
$(foreach p,$(MY_PROGS_DIR),$(eval $(call a64_dir_program,$(p))))
ifneq ($(CC_OUT),)
cc-arm64: $(CC_OUT).arm64
$(CC_OUT).arm64: A64_UCFLAGS := $(A64_USER_UCFLAGS)
$(CC_OUT).arm64: A64_OBJ = $(A64U)/obj/cc/$(subst /,_,$(CC_OUT))
$(CC_OUT).arm64: A64_DEBUG = $(A64U)/debug/cc/$(subst /,_,$(CC_OUT))
$(CC_OUT).arm64: $(CC_SRC) $(A64U)/libc.a FORCE
	@rm -rf $(A64_OBJ)
	$(call a64_program,$(CC_SRC))
endif

# /tests holds the transcripts of both targets, /tests/arm64 those that
# only arm64 passes (tests/qemu/transcripts).
$(A64U)/initramfs.tar: $(A64_PROGS) $(A64_COMPAT) $(MY_PROGS_A64) $(MY_PROGS_DIRS) \
                       $(wildcard shell/bin/scripts/*) \
                       $(wildcard etc/*) \
                       $(wildcard tests/transcripts/*) $(wildcard tests/qemu/transcripts/*) \
                       $(wildcard tests/posix/*) $(wildcard man/*) tools/mkinitramfs.js
	@mkdir -p $(@D)
	$(call only_my_progs,$(A64U)/usr/bin,$(MY_PROGS_A64))
	node tools/mkinitramfs.js $@ bin=$(A64U)/bin bin=shell/bin/scripts usr/bin=$(A64U)/usr/bin etc=etc \
	    tests=tests/transcripts tests/posix=tests/posix \
	    tests/arm64=tests/qemu/transcripts tests/compat=$(A64U)/compat share/man=man

# ---- the kernel ------------------------------------------------------------------
#
# kernel/ and ipc/ as they are, plus arm64/. No FP/SIMD registers in the
# kernel (-mgeneral-regs-only): they belong to user processes, and the
# kernel does not save them at every trap. arm64/ code also runs with the
# MMU off at boot, where every access is to "device" memory and must be
# aligned (-mstrict-align).

A64_KFLAGS := --target=aarch64-none-elf -mcpu=cortex-a72 -std=c11 -O2 -g \
              -ffreestanding -nostdlib -fno-stack-protector -mgeneral-regs-only \
              -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
              -Wall -Wextra -Werror -I.
A64_KSRC   := $(wildcard kernel/*.c) $(wildcard ipc/*.c)
A64_PSRC   := $(wildcard arm64/*.c)
A64_KOBJ   := $(patsubst %.c,$(A64K)/obj/%.o,$(A64_KSRC) $(A64_PSRC)) \
              $(A64K)/obj/arm64/boot.o $(A64K)/obj/arm64/vectors.o \
              $(A64K)/obj/arm64/initramfs.o

$(A64K)/obj/kernel/%.o: kernel/%.c $(KERNEL_HDR)
	@mkdir -p $(@D)
	$(A64_CLANG) $(A64_KFLAGS) -c $< -o $@

$(A64K)/obj/ipc/%.o: ipc/%.c $(KERNEL_HDR)
	@mkdir -p $(@D)
	$(A64_CLANG) $(A64_KFLAGS) -c $< -o $@

$(A64K)/obj/arm64/%.o: arm64/%.c arm64/arm64.h $(KERNEL_HDR)
	@mkdir -p $(@D)
	$(A64_CLANG) $(A64_KFLAGS) -mstrict-align -c $< -o $@

$(A64K)/obj/arm64/%.o: arm64/%.S
	@mkdir -p $(@D)
	$(A64_CLANG) --target=aarch64-none-elf -mcpu=cortex-a72 -g -c $< -o $@

$(A64K)/obj/arm64/initramfs.o: arm64/initramfs.S $(A64U)/initramfs.tar
	@mkdir -p $(@D)
	$(A64_CLANG) --target=aarch64-none-elf -DINITRAMFS='"$(A64U)/initramfs.tar"' \
	    -c $< -o $@

$(A64K)/kernel.elf: $(A64_KOBJ) arm64/kernel.ld
	$(A64_LD) -T arm64/kernel.ld -nostdlib -static -z max-page-size=4096 \
	    -o $@ $(A64_KOBJ)

$(A64K)/Image: $(A64K)/kernel.elf
	$(A64_OBJCOPY) -O binary $< $@

arm64: $(A64K)/Image

# ---- running it --------------------------------------------------------------------

qemu: arm64
	@$(call interactive,arm64/run.sh)

qemu-gdb: arm64
	@$(call interactive,arm64/run.sh --gdb)

test-qemu: arm64
	tests/qemu/run.sh
	tests/qemu/posix.sh
	tests/qemu/launcher.sh

bench-qemu: arm64
	node tests/qemu/bench.js

endif
