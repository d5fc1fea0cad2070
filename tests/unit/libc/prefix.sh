#!/bin/sh
# prefix.sh IN OUT - rename every symbol of the relocatable object IN with a
# dx_ prefix, except the sanitizer runtime's, and write OUT.
#
# The C library and its tests are linked into IN; prefixing keeps their
# printf, malloc, strlen ... apart from the host's. The compiler's
# sanitizer instrumentation refers to its runtime by names beginning with
# two underscores (__asan_report_load8, __ubsan_handle_add_overflow,
# __start_asan_globals, ...): those undefined symbols are given their own
# names back. The library's own double-underscore names (__dx_syscall, ...)
# keep the prefix: the bridge and the fake kernel define them as such.
#
# OBJCOPY and NM name the tools (llvm-objcopy and llvm-nm, or binutils').
set -e
in=$1
out=$2
map=$out.map
: "${OBJCOPY:=objcopy}" "${NM:=nm}"
"$OBJCOPY" --prefix-symbols=dx_ "$in" "$out"
"$NM" -u "$out" | awk '$2 ~ /^dx___/ && $2 !~ /^dx___dx_/ && $2 !~ /^dx___libc_/ \
    { print $2, substr($2, 4) }' > "$map"
"$OBJCOPY" --redefine-syms="$map" "$out"
rm -f "$map"
