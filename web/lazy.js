// lazy.js - files of the archive fetched at first use, for the runtime
// (runtime.js): the initramfs may list a file without its bytes (ustar
// type 'F', kernel/lazy.c); the kernel asks for them (plat_fetch,
// web/kernel_glue.c) when a call first needs them, and the calls wait
// until they are handed in (web_lazy_fill). Where the bytes come from is
// the host's: opts.fetchFile (main.js fetches build/web/files/).
//
// The function is a method of the runtime's class Duplex (runtime.js
// assigns it to its prototype).

import { wasiUnprepared } from './process.js';
import { isWasm } from './programs.js';

const EIO = -5, ENOMEM = -12, ENOSPC = -28;

export const lazyFiles = {
  // plat_fetch: the bytes of a file of the archive that came without them,
  // from opts.fetchFile, handed to the kernel when they arrive (the calls
  // waiting for them go on). A program is compiled first, off the main
  // thread, so that its exec finds the module ready. A fetch that fails
  // says why, and the waiting calls get EIO.
  fetchLazy(name) {
    if (!this.opts.fetchFile) return EIO;
    this.stats.fetches++;
    this.fetching++;
    const fill = (bytes, err) => {
      this.fetching--;
      if (this.halted) return;
      const give = (data, e) => this.withKernelCopy(data, (at) => {
        this.pathToScratch(name);                 // a name from the kernel fits
        return this.kernel.web_lazy_fill(at, data.length, e);
      });
      let r = give(bytes, err);
      if (r === ENOMEM && !err) r = give(new Uint8Array(0), ENOSPC);   // no room for them
      if (r < 0 && r !== -2 && !err) this.warn(`${name} could not be filled in: error ${-r}`);
      this.schedule();
    };
    Promise.resolve().then(() => this.opts.fetchFile(name)).then(async (bytes) => {
      this.stats.fetchedBytes += bytes.length;
      if (isWasm(bytes) && !this.compiled(bytes)) {
        const m = await WebAssembly.compile(bytes).catch(() => null);
        if (m && !wasiUnprepared(m) && !this.compiled(bytes)) this.keepModule(bytes, m);
      }
      fill(bytes, 0);
    }, (e) => {
      this.warn(`cannot fetch ${name}: ${e && e.message || e}`);
      fill(new Uint8Array(0), EIO);
    });
    return 0;
  },
};
