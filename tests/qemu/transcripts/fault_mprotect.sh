# arm64 only: mprotect is enforced. A page mapped read-write, then made
# read-only with mprotect, can still be read; a write to it is a
# permission fault of the MMU, and the process dies of SIGSEGV, alone. (A
# WebAssembly memory has no page protection: on the web target mprotect
# is recorded but the write goes through.)
fault mprotect
echo "status $?"
echo "--- the system runs on"
echo ok
