/*
 * initramfs.S - the boot archive, inside the kernel image.
 *
 * The build packs /bin, /etc and /tests into a ustar archive
 * (tools/mkinitramfs.js, arm64.mk) and assembles it here as read-only
 * data; plat_initramfs (main.c) hands it to kernel_init, which unpacks it
 * into the ramfs. INITRAMFS is the archive's path, given by arm64.mk.
 */
    .section .rodata
    .p2align 4
    .global initramfs_start, initramfs_end
initramfs_start:
    .incbin INITRAMFS
initramfs_end:
