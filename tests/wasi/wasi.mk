# tests/wasi/wasi.mk - WASI programs built by the stock toolchains, unchanged
# and knowing nothing of Duplex, for tests/node/wasi.test.js (docs/wasi.md).
# Included by the top-level Makefile; `make wasi-tests` builds them:
#
#   build/wasi-tests/wasi-tool.wasm    wasitool.c by wasi-libc (clang-19 --target=wasm32-wasi)
#   build/wasi-tests/em-tool.wasm      wasitool.c by Emscripten -sSTANDALONE_WASM
#   build/wasi-tests/wasi-sqlite.wasm  SQLite's amalgamation and sqlmain.c, by wasi-libc
#
# SQLite's source comes from the npm package better-sqlite3, fetched with
# `npm pack` (not installed: its install step builds a Node addon).

WASI_T      := $(BUILD)/wasi-tests
WASI_CC     := $(CLANG) --target=wasm32-wasi --sysroot=/usr -O2
WASI_TESTS  := $(WASI_T)/wasi-tool.wasm $(WASI_T)/em-tool.wasm $(WASI_T)/wasi-sqlite.wasm
SQLITE_NPM  := better-sqlite3@12.11.1

.PHONY: wasi-tests
wasi-tests: $(WASI_TESTS)

$(WASI_T)/wasi-tool.wasm: tests/wasi/wasitool.c | $(DEPS_OK)
	@mkdir -p $(@D)
	$(WASI_CC) -Wall -o $@ $<

$(WASI_T)/em-tool.wasm: tests/wasi/wasitool.c | $(DEPS_OK)
	@mkdir -p $(@D)
	emcc -O2 -Wall -sSTANDALONE_WASM -o $@ $< 2>&1 | { grep -v '^cache:' || true; }

$(WASI_T)/sqlite/sqlite3.c: | $(DEPS_OK)
	@rm -rf $(@D) && mkdir -p $(@D)
	cd $(@D) && npm pack $(SQLITE_NPM) --silent >/dev/null && \
	  tar xzf better-sqlite3-*.tgz package/deps/sqlite3 && \
	  mv package/deps/sqlite3/* . && rm -rf package better-sqlite3-*.tgz

# SQLite on WASI: no threads, no extensions, no write-ahead log (it wants
# shared memory); wasi-libc's emulations of mmap, getpid, signals and
# process clocks stand in for the rest of what its Unix layer calls.
SQLITE_WASI := -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_OMIT_WAL \
               -D_WASI_EMULATED_MMAN -D_WASI_EMULATED_GETPID -D_WASI_EMULATED_SIGNAL \
               -D_WASI_EMULATED_PROCESS_CLOCKS
SQLITE_LIBS := -lwasi-emulated-mman -lwasi-emulated-getpid -lwasi-emulated-signal \
               -lwasi-emulated-process-clocks
$(WASI_T)/sqlite/sqlite3.o: $(WASI_T)/sqlite/sqlite3.c
	$(CLANG) --target=wasm32-wasi --sysroot=/usr -O1 -w $(SQLITE_WASI) -c $< -o $@

$(WASI_T)/wasi-sqlite.wasm: tests/wasi/sqlmain.c $(WASI_T)/sqlite/sqlite3.o
	$(WASI_CC) -Wall -I$(WASI_T)/sqlite $(SQLITE_WASI) -o $@ $< $(WASI_T)/sqlite/sqlite3.o \
	    $(SQLITE_LIBS)
