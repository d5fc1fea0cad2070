# arm64 only: a write through a null pointer. The first pages of every
# address space are the kernel's and not mapped for user mode, so the MMU
# catches the write and the process dies of SIGSEGV, alone. (On the web
# target a process's memory starts at address 0, so such a write goes
# through; the faults both targets catch are in tests/transcripts/proc_fault.sh.)
fault null
echo "status $?"
echo "--- the system runs on"
echo ok
