// shm.js - shared memory on the web target, for the runtime (runtime.js):
// System V segments and shared mappings, mirrored at every switch.
//
// Each process has its own linear memory, so a segment cannot be the same
// bytes in two of them. Instead the kernel's copy (kmem) is the segment,
// and each attached process has a mirror of it: before a process runs,
// its mirrors are refreshed from the kernel's copy if another process
// changed it since; after it ran, its writable mirrors are copied back.
// Only one process runs at a time, so every process sees every write of
// the others at its next switch-in - the same order of events as shared
// pages would give on one CPU.
//
// Where a segment goes is the kernel's decision (ipc/shm.c), and so is
// which attachment a detach ends: it never gives a process two
// attachments that overlap, so a process's mirrors are keyed by their
// address, and each one is exactly one of the kernel's records. A
// segment's state here (how often it was written back) lives as long as
// some process mirrors it: a segment removed after its last detach
// leaves nothing behind.
//
// The functions are methods of the runtime's class Duplex (runtime.js
// assigns them to its prototype): they use its kernel memory (kmem, k32),
// shmSegs, shmRefresh and the running process (current).

const EINVAL = -22, ENOMEM = -12;

export const sharedMemory = {
  // Mirror the segment at kmem in p at addr (kernel_glue.c,
  // plat_shm_attach): 0, EINVAL below the heap (the program's stack and
  // data), ENOMEM if its memory cannot grow that far. The break moves past
  // the segment, so that the heap never grows into it.
  shmAttach(p, kmem, size, addr, ro) {
    if (addr < p.heapBase) return EINVAL;
    if (addr + size > p.brk && p.setBrk(addr + size) !== addr + size) return ENOMEM;
    p.bytes().set(this.kmem.subarray(kmem, kmem + size), addr);
    let seg = this.shmSegs.get(kmem);
    if (!seg) this.shmSegs.set(kmem, (seg = { kmem, size, version: 0, mirrors: 0 }));
    seg.size = Math.max(seg.size, size);
    seg.mirrors++;
    const m = { seg, kmem, size, addr, ro, version: seg.version, shadow: null };
    const twins = p.shm.filter((o) => o.kmem < kmem + size && kmem < o.kmem + o.size);
    p.shm.push(m);
    if (twins.length) this.shmTwins(p, [m, ...twins]);
    return 0;
  },

  // p has the same kernel memory in two mirrors or more (it mapped a file
  // twice, or mapped again by name what it had from its parent). Copying
  // each back whole at a switch would let the last one undo the writes
  // made through the others; so each of them keeps a shadow - its bytes as
  // they were when last in step with the kernel's copy - gives back only
  // the words that differ from it (copyBack), and takes the kernel's words
  // only where it has not written itself (shmIn). A running process's
  // mirrors may hold writes not yet given back: those go first.
  shmTwins(p, mirrors) {
    for (const m of mirrors) {
      if (m.shadow) continue;
      if (p === this.current && !m.ro && m !== mirrors[0]) this.copyBack(p, m);
      m.shadow = this.kmem.slice(m.kmem, m.kmem + m.size);
    }
  },

  shmDetach(p, addr) {
    const i = p.shm.findIndex((m) => m.addr === addr);
    if (i < 0) return this.panic(`shm: process ${p.ctx} has no segment at ${addr}`);
    const m = p.shm[i];
    if (p === this.current && !m.ro) this.copyBack(p, m);   // its last writes count
    p.shm.splice(i, 1);
    if (--m.seg.mirrors === 0) this.shmSegs.delete(m.kmem);
  },

  // Every mirror of p's image goes (execve): the kernel counts them as
  // detached without asking the platform, as the image they were in is
  // gone. A running image's writes since it was switched in count.
  shmDropAll(p) {
    if (p === this.current) this.shmOut(p);
    for (const m of p.shm) if (--m.seg.mirrors === 0) this.shmSegs.delete(m.kmem);
    p.shm = [];
  },

  shmIn(p) {
    for (const m of p.shm) {
      if (m.version === m.seg.version) continue;
      if (m.shadow) this.mergeIn(p, m);
      else p.bytes().set(this.kmem.subarray(m.kmem, m.kmem + m.size), m.addr);
      m.version = m.seg.version;
    }
  },

  shmOut(p) {
    if (p.dead) return;
    for (const m of p.shm) if (!m.ro) this.copyBack(p, m);
  },

  copyBack(p, m) {
    if (m.shadow) this.mergeBack(p, m);
    else this.kmem.set(p.bytes().subarray(m.addr, m.addr + m.size), m.kmem);
    this.shmChanged(m.kmem, m.size);
    m.version = m.seg.version;
  },

  // A twin takes the kernel's words except those it wrote itself and has
  // not given back yet (see shmTwins).
  mergeIn(p, m) {
    const n = m.size >>> 2;
    const mine = new Int32Array(p.memory.buffer, m.addr, n);
    const was = new Int32Array(m.shadow.buffer, m.shadow.byteOffset, n);
    const k = this.k32, at = m.kmem >>> 2;
    for (let i = 0; i < n; i++) {
      if (mine[i] === was[i]) {
        mine[i] = k[at + i];
        was[i] = k[at + i];
      }
    }
  },

  // Only the words of m written since its shadow was taken (see shmTwins).
  mergeBack(p, m) {
    const n = m.size >>> 2;
    const mine = new Int32Array(p.memory.buffer, m.addr, n);
    const was = new Int32Array(m.shadow.buffer, m.shadow.byteOffset, n);
    const k = this.k32, at = m.kmem >>> 2;
    for (let i = 0; i < n; i++) {
      if (mine[i] !== was[i]) {
        k[at + i] = mine[i];
        was[i] = mine[i];
      }
    }
  },

  // The kernel's memory at [kmem, kmem + size) changed: every mirror of it
  // is refreshed at its process's next switch-in. Mirrors of one object
  // may start at different places in it (mappings of a file at different
  // offsets), so every mirrored range that overlaps this one is changed.
  shmChanged(kmem, size) {
    for (const seg of this.shmSegs.values())
      if (seg.kmem < kmem + size && kmem < seg.kmem + seg.size) seg.version++;
  },

  // The kernel is about to read (or write) shared memory itself: a mapped
  // file's bytes, for read(2), write(2), msync (kernel_glue.c,
  // plat_shm_access). The running process's writes go to the kernel's copy
  // first; after a write, every mirror takes the kernel's copy, the
  // caller's own once its call is over (syscallRaw).
  shmAccess(kmem, len, write) {
    const p = this.current;
    if (p && !p.dead)
      for (const m of p.shm)
        if (!m.ro && m.kmem < kmem + len && kmem < m.kmem + m.size) this.copyBack(p, m);
    if (write) {
      this.shmChanged(kmem, len);
      this.shmRefresh = true;
    }
  },

  // Private memory of a mapping (kernel_glue.c, plat_mem_map): zeroed;
  // the break moves past it, as for a segment. The kernel places mappings
  // above the break, or where one was (MAP_FIXED), or where the program
  // says; below the heap (the program's data and stack) is EINVAL. ENOMEM
  // if the memory cannot grow that far.
  memMap(p, addr, len) {
    if (addr < p.heapBase) return EINVAL;
    if (addr + len > p.brk && p.setBrk(addr + len) !== addr + len) return ENOMEM;
    p.bytes().fill(0, addr, addr + len);
    return 0;
  },
};
