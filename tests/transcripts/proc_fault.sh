# fault: a program that misbehaves is killed by SIGSEGV, alone; the shell
# says so and the system runs on. A bad address given to a system call is
# refused with EFAULT instead. (A write through a null pointer is only
# caught on arm64: tests/qemu/transcripts/fault_null.sh.)
echo "--- a write into the kernel's memory"
fault kernel
echo "status $?"
echo "--- a jump to where there is no code"
fault jump
echo "status $?"
echo "--- a bad buffer for read"
fault efault < /etc/motd
echo "status $?"
echo "--- the system runs on"
echo ok
