// store.js - the page keeps /home between reloads, in the browser's
// IndexedDB.
//
// What is kept is one record: /home as a ustar archive, which the kernel
// writes by walking the tree (kernel/share.c, through runtime.archive) and
// unpacks at the next boot after the initramfs (runtime.restore). So
// directories, regular files with their permission bits, FIFOs (as nodes)
// and symbolic links (their targets) come back, and nothing outside /home
// does. One record, written
// in one transaction, is never half saved: the browser keeps either the
// last snapshot or the new one.
//
// When: the kernel counts changes to its file system (fsChanges); the page
// looks at the count four times a second, and a snapshot is saved once
// the count has stayed still for DEBOUNCE_MS (or, under constant writes,
// every MAX_DELAY_MS), when the page is hidden or left (pagehide), and at
// once on sync(2). A snapshot equal to the last one saved is not written.
// If the browser refuses the write (its quota: QuotaExceededError), the
// terminal says so once and sync(2) answers ENOSPC until a save succeeds;
// the machine goes on as before.
//
// Two tabs: only one may save. The first tab takes a Web Lock
// ('duplex-home') for as long as it lives; a tab that finds it taken boots
// with the /home that was last saved, says that its own changes will not
// be kept, and never writes (its sync(2) answers EROFS). So a second tab
// cannot overwrite the first tab's files with its older copy; closing the
// first tab lets the next one opened save again. Web Locks exist only in
// secure contexts (HTTPS, localhost): without them every tab saves, and
// the last save wins for the whole of /home.
//
// Opening the page with ?reset removes the saved /home before booting.

const DB = 'duplex';
const STORE = 'files';
const KEY = 'home';
const PATH = '/home';
const LOOK_MS = 250;
const DEBOUNCE_MS = 500;
const MAX_DELAY_MS = 3000;
const ENOSPC = -28, EROFS = -30, EIO = -5;

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb() {
  const req = indexedDB.open(DB, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

// Whether this tab may save: it holds the lock until it goes away.
function takeLock() {
  if (!navigator.locks) return Promise.resolve(true);   // no Web Locks: one tab assumed
  return new Promise((resolve) => {
    navigator.locks.request('duplex-home', { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      return lock ? new Promise(() => {}) : undefined;  // held for the tab's life
    });
  });
}

export class HomeStore {
  // notice(text): a line for the terminal (a failed save, a read-only tab).
  constructor({ notice = () => {} } = {}) {
    this.notice = notice;
    this.db = null;
    this.writer = false;
    this.error = 0;                  // the last save's -errno, until one succeeds
    this.saved = null;               // the bytes last saved (or restored)
    this.savedAt = -1;               // fsChanges when they were taken
    this.dirtySince = 0;
    this.lastChange = -1;
    this.timer = null;
    this.saves = 0;                  // for the tests: records written
    this.failWith = null;            // for the tests: the error the next puts get
  }

  // Open the store (and ?reset it); resolves to the saved archive or null.
  async load(reset = false) {
    try {
      const [db, writer] = await Promise.all([openDb(), takeLock()]);
      this.db = db;
      this.writer = writer;
      if (reset && writer) await this.put(null);
      const rec = await request(db.transaction(STORE).objectStore(STORE).get(KEY));
      this.saved = rec ? new Uint8Array(rec) : null;
      return this.saved;
    } catch (e) {
      this.notice(`/home will not be kept: the browser's storage cannot be opened (${e && e.message || e})`);
      this.db = null;
      return null;
    }
  }

  // Start saving the machine's /home by itself.
  attach(dx) {
    this.dx = dx;
    this.savedAt = dx.fsChanges();
    this.lastChange = this.savedAt;
    if (!this.db) return;
    if (!this.writer) {
      this.notice('/home is saved by another tab of Duplex: what you change here will not be kept');
      return;
    }
    setInterval(() => this.look(), LOOK_MS);
    addEventListener('pagehide', () => this.save());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.save();
    });
  }

  look() {
    const now = performance.now();
    const changes = this.dx.fsChanges();
    if (changes === this.savedAt) return;
    if (changes !== this.lastChange) {
      if (this.lastChange === this.savedAt) this.dirtySince = now;
      this.lastChange = changes;
      this.quietSince = now;
    }
    if (now - this.quietSince >= DEBOUNCE_MS || now - this.dirtySince >= MAX_DELAY_MS) this.save();
  }

  // sync(2): save now. Answers the error of the last save that failed.
  sync() {
    if (!this.db) return EIO;
    if (!this.writer) return EROFS;
    this.save();
    return this.error;
  }

  save() {
    if (!this.db || !this.writer || !this.dx || this.dx.halted) return;
    const changes = this.dx.fsChanges();
    if (changes === this.savedAt && this.error === 0) return;
    let bytes;
    try {
      bytes = this.dx.archive(PATH).bytes;
    } catch (e) {
      this.fail(EIO, `cannot walk ${PATH}: ${e.message}`);
      return;
    }
    this.savedAt = changes;
    this.lastChange = changes;
    if (this.saved && sameBytes(this.saved, bytes) && this.error === 0) return;
    this.put(bytes).then(() => {
      this.saved = bytes;
      this.saves++;
      if (this.error) this.notice(`/home is saved again`);
      this.error = 0;
    }, (e) => {
      this.savedAt = -1;           // try again at the next change or sync
      const quota = e && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));
      this.fail(quota ? ENOSPC : EIO, quota ? "the browser's storage is full (No space left on device)"
        : `${e && e.message || e}`);
    });
  }

  fail(errno, why) {
    if (this.error !== errno) this.notice(`/home could not be saved: ${why}`);
    this.error = errno;
  }

  // One record, in one transaction: null deletes it.
  put(bytes) {
    return new Promise((resolve, reject) => {
      if (this.failWith) {
        const e = new Error(this.failWith.message);
        e.name = this.failWith.name;
        reject(e);
        return;
      }
      const tx = this.db.transaction(STORE, 'readwrite');
      const s = tx.objectStore(STORE);
      if (bytes) s.put(bytes, KEY); else s.delete(KEY);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error('the save was aborted'));
      if (tx.commit) tx.commit();
    });
  }
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
