# tools/programs.mk - programs of your own (docs/programs.md); included by
# the top-level Makefile, and its arm64 half by arm64/arm64.mk.
#
# Every programs/NAME.c, and every folder programs/NAME/ of .c files, is
# the program /usr/bin/NAME on both targets; a ready programs/NAME.wasm (a
# WASI program, or tools/duplex-cc's output) is /usr/bin/NAME on the web
# target as it is. They are built exactly as the system's programs of
# shell/bin are (wasm_program, a64_program: the C library, the preemption
# points, asyncify), with the warnings a student expects: -Wall, and no
# -Werror or -Wextra.
#
# tools/duplex-cc builds one program anywhere with the same recipes, by
# `make cc-program CC_SRC='ABSOLUTE.c ...' CC_OUT=ABSOLUTE/NAME`: it makes
# NAME.wasm and NAME.arm64.

MY_PROGS_C    := $(patsubst programs/%.c,%,$(wildcard programs/*.c))
MY_PROGS_DIR  := $(sort $(patsubst programs/%/,%,$(dir $(wildcard programs/*/*.c))))
MY_PROGS_WASM := $(filter-out $(MY_PROGS_C) $(MY_PROGS_DIR),\
                     $(patsubst programs/%.wasm,%,$(wildcard programs/*.wasm)))
MY_PROGS_W32  := $(addprefix $(W32)/usr/bin/,$(MY_PROGS_C) $(MY_PROGS_DIR) $(MY_PROGS_WASM))
MY_PROGS_A64  := $(addprefix $(BUILD)/aarch64/usr/bin/,$(MY_PROGS_C) $(MY_PROGS_DIR))
# (the folder itself too: a program taken out changes it, and the archive)
MY_PROGS_DIRS := $(wildcard programs)

USER_UCFLAGS := $(LIBC_CFLAGS_wasm32) -Wall

# A program's objects go to a folder of their own (not obj/NAME, which a
# program of /bin may have), emptied first: a file taken out of a program
# must not stay linked in.
$(W32)/usr/bin/%: UCFLAGS := $(USER_UCFLAGS)
$(W32)/usr/bin/%: WASM_OBJ = $(W32)/obj/usr/$(notdir $@)
$(W32)/usr/bin/%: programs/%.c $(PROG_DEPS)
	@rm -rf $(WASM_OBJ)
	$(call wasm_program,$<)
# A WASI program is prepared here (tools/wasi-prep) rather than at its
# first exec: on the page that would fetch binaryen.js first.
$(W32)/usr/bin/%: programs/%.wasm tools/wasi-prep web/wasiprep.js $(PREEMPT_DEPS)
	@mkdir -p $(@D)
	if grep -q wasi_snapshot_preview1 $< && ! grep -q asyncify_start_unwind $<; \
	then tools/wasi-prep $< $@; else cp $< $@; fi
define my_dir_program
$(W32)/usr/bin/$(1): $(wildcard programs/$(1)/*.[ch]) $(PROG_DEPS)
	@rm -rf $$(WASM_OBJ)
	$$(call wasm_program,$$(filter %.c,$$^))
endef
$(foreach p,$(MY_PROGS_DIR),$(eval $(call my_dir_program,$(p))))

# The folder packed as /usr/bin holds these programs and no others: one
# taken out of programs/ goes.
only_my_progs = @mkdir -p $(1) && for f in $(1)/*; do case " $(2) " in *" $$f "*) ;; \
    *) rm -f "$$f" ;; esac; done

# ---- tools/duplex-cc ------------------------------------------------------------

.PHONY: cc-program cc-wasm cc-arm64
ifneq ($(CC_OUT),)
cc-program: cc-wasm cc-arm64
cc-wasm: $(CC_OUT).wasm
$(CC_OUT).wasm: UCFLAGS := $(USER_UCFLAGS)
$(CC_OUT).wasm: WASM_OBJ = $(W32)/obj/cc/$(subst /,_,$(CC_OUT))
$(CC_OUT).wasm: $(CC_SRC) $(PROG_DEPS) FORCE
	@rm -rf $(WASM_OBJ)
	$(call wasm_program,$(CC_SRC))
.PHONY: FORCE
FORCE:
endif
