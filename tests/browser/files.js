// files.js - the browser test's checks of files in and out of the page
// (web/transfer.js, web/store.js): a drop, a download, /home after a
// reload (symbolic links too), a second tab that may not save, a full storage; and the page of
// `make dist` served by a plain static server (Python's http.server).
// Called by run.js with its helpers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PROMPT = 'duplex$';

function atPrompt(page) {
  return page.waitForFunction((p) => {
    const t = window.term;
    if (!t || !window.duplex) return false;
    const b = t.buffer.active;
    return b.getLine(b.baseY + b.cursorY).translateToString(true).startsWith(p);
  }, PROMPT, { timeout: 30000 });
}

async function reload(page) {
  await page.reload();
  await atPrompt(page);
  await page.click('#terminal');
}

// A page of its own, booted to the prompt, with the screen and typing.
export async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await atPrompt(page);
  // (empty until the page has its terminal: a reload starts without one)
  const screen = () => page.evaluate(() => {
    if (!window.term) return '';
    const b = window.term.buffer.active, out = [];
    for (let i = 0; i < b.length; i++) out.push(b.getLine(i).translateToString(true).trimEnd());
    return out.join('\n').replace(/\n+$/, '');
  });
  // Type a command; what it printed, once the prompt is back (within ms).
  const run = async (cmd, ms = 20000) => {
    const before = (await screen()).split('\n').filter((l) => l.startsWith(PROMPT)).length;
    await page.keyboard.type(cmd);
    await page.keyboard.press('Enter');
    const end = Date.now() + ms;
    for (;;) {
      const text = await screen();
      const lines = text.split('\n');
      if (lines.filter((l) => l.startsWith(PROMPT)).length > before && text.endsWith(PROMPT)) {
        const at = lines.lastIndexOf(`${PROMPT} ${cmd}`);
        return lines.slice(at + 1, -1);
      }
      if (Date.now() > end) throw new Error(`timed out after "${cmd}":\n${text}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await page.click('#terminal');
  return { page, screen, run, errors };
}

// Drop files on the terminal, as a person dragging them from the desktop
// would: a drop event whose DataTransfer holds them.
export function drop(page, files) {
  return page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    document.getElementById('terminal')
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

export async function checkFiles(browser, url, check) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 640 } });
  try {
    const a = await openPage(context, url);
    check('the shell starts in /home', (await a.run('pwd')).join('\n') === '/home');

    // a drop: two files, a line for each; a .wasm is executable and runs
    const prog = [...fs.readFileSync(path.join(process.cwd(), 'build/wasm32/bin/echo'))];
    const lines = (await a.screen()).split('\n').length;
    await drop(a.page, [{ name: 'notes.txt', bytes: [...Buffer.from('one\ntwo\n')] },
      { name: 'hello.wasm', bytes: prog }]);
    await a.page.waitForFunction(() => window.duplex.fsChanges() > 0);
    const said = await a.screen();
    check('a drop says where each file went',
      said.includes('[dropped /home/notes.txt (8 bytes)]') &&
      said.includes(`[dropped /home/hello.wasm (${prog.length} bytes, executable)]`),
      said.split('\n').slice(lines - 2).join('\n'));
    await a.page.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    const cat = await a.run('cat notes.txt');
    check('cat of a dropped file', cat.join('\n') === 'one\ntwo', cat.join('\n'));
    const ran = await a.run('./hello.wasm dropped and run; ls -l hello.wasm | cut -c1-10');
    check('a dropped .wasm is executable (0755) and runs',
      ran.join('\n') === 'dropped and run\n-rwxr-xr-x', ran.join('\n'));

    // download: the page's download event, with the file's bytes
    const got = a.page.waitForEvent('download', { timeout: 10000 });
    await a.run('printf "to take away\\n" > out.txt; download out.txt');
    const dl = await got.catch(() => null);
    const body = dl ? fs.readFileSync(await dl.path(), 'utf8') : '';
    check('download FILE: the browser downloads it, named and whole',
      dl && dl.suggestedFilename() === 'out.txt' && body === 'to take away\n',
      dl ? `${dl.suggestedFilename()}: ${JSON.stringify(body)}` : 'no download event');

    // /home after a reload: contents, modes, directories, FIFOs; not /tmp
    await a.run('mkdir -p sub/deeper; echo kept > sub/deeper/f; mkfifo pipe; echo gone > /tmp/gone; sync');
    await reload(a.page);
    const after = await a.run('cat sub/deeper/f notes.txt; ls -l hello.wasm pipe | cut -c1-10; ls /tmp');
    check('after a reload /home is there (contents, modes, directories, FIFOs), /tmp is not',
      after.join('\n') === 'kept\none\ntwo\n-rwxr-xr-x\nprw-r--r--', after.join('\n'));

    // symbolic links in /home after a reload: their targets, dangling or not
    await a.run('ln -s target l; ln -s sub/deeper/f lf; sync');
    await reload(a.page);
    const links = await a.run('readlink l lf; cat lf; ls -l l | cut -c1-10');
    check('after a reload symbolic links in /home are there, with their targets',
      links.join('\n') === 'target\nsub/deeper/f\nkept\nlrwxrwxrwx', links.join('\n'));

    // a second tab: it boots with the saved /home, says it will not save,
    // and cannot overwrite the first tab's files
    const t2 = await openPage(context, url);
    const t2screen = await t2.screen();
    check('a second tab says its changes will not be kept',
      t2screen.includes('saved by another tab'), t2screen.split('\n').slice(0, 3).join('\n'));
    const t2out = await t2.run('cat notes.txt; echo second > notes.txt; echo new > only2; sync; echo $?');
    check('... it sees the saved /home, and its sync says EROFS',
      t2out.join('\n') === 'one\ntwo\nsync: Read-only file system\n1', t2out.join('\n'));
    await a.run('echo first > mine; sync');
    await t2.page.close();
    await reload(a.page);
    const kept = await a.run('cat notes.txt mine; ls only2');
    check("... and the first tab's files are what was kept",
      kept.join('\n') === "one\ntwo\nfirst\nls: cannot access 'only2': No such file or directory",
      kept.join('\n'));

    // a full storage: a line on the terminal, ENOSPC from sync, the OS runs on
    await a.page.evaluate(() => {
      window.duplexStore.failWith = { name: 'QuotaExceededError', message: 'quota exceeded' };
    });
    await a.page.keyboard.type('echo more > more.txt; sync');
    await a.page.keyboard.press('Enter');
    await a.page.waitForFunction(() => {
      const b = window.term.buffer.active;
      for (let i = 0; i < b.length; i++)
        if (b.getLine(i).translateToString(true).includes("the browser's storage is full")) return true;
      return false;
    }, null, { timeout: 10000 }).catch(() => null);
    await a.page.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    const full = await a.run('sync; echo $?');
    const fullScreen = await a.screen();
    check('a full storage: the terminal says so, sync answers ENOSPC',
      fullScreen.includes("/home could not be saved: the browser's storage is full") &&
      full.join('\n') === 'sync: No space left on device\n1', full.join('\n'));
    await a.page.evaluate(() => { window.duplexStore.failWith = null; });
    await a.page.keyboard.type('sync');
    await a.page.keyboard.press('Enter');
    await a.page.waitForFunction(() => {
      const b = window.term.buffer.active;
      for (let i = 0; i < b.length; i++)
        if (b.getLine(i).translateToString(true).includes('/home is saved again')) return true;
      return false;
    }, null, { timeout: 10000 }).catch(() => null);
    await a.page.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    const again = await a.run('sync; echo $?; echo ok');
    check('... and once it has room, sync succeeds and the OS runs on',
      again.join('\n').endsWith('0\nok'), again.join('\n'));
    // ?reset: the page starts with an empty /home
    await a.page.goto(`${url}?reset`);
    await atPrompt(a.page);
    await a.page.click('#terminal');
    const reset = await a.run('ls -A; echo end');
    check('?reset starts with an empty /home', reset.join('\n') === 'end', reset.join('\n'));
    await a.page.goto(url);
    await atPrompt(a.page);
    await a.page.click('#terminal');
    const still = await a.run('ls -A; echo end');
    check('... and it stays empty at the next load', still.join('\n') === 'end', still.join('\n'));
    check('no error on the pages of the files checks', a.errors.length === 0 && t2.errors.length === 0,
      [...a.errors, ...t2.errors].join('\n'));
  } finally {
    await context.close();
  }
}

// `make dist`'s folder, served by Python's http.server: the page boots.
export async function checkDist(browser, distDir, check) {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) {
    check(`make dist wrote ${distDir}`, false, 'no index.html: run make dist');
    return;
  }
  const server = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '0'],
    { cwd: distDir, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const port = await new Promise((resolve, reject) => {
      let out = '';
      const look = (d) => {
        out += d;
        const m = out.match(/port (\d+)/);
        if (m) resolve(Number(m[1]));
      };
      server.stdout.on('data', look);
      server.stderr.on('data', look);
      server.on('exit', () => reject(new Error(`http.server ended: ${out}`)));
    });
    const context = await browser.newContext();
    try {
      const p = await openPage(context, `http://127.0.0.1:${port}/`);
      const out = await p.run('echo served | cat; ls /bin | wc -l');
      check('make dist, served by python3 -m http.server: boots and runs a pipeline',
        out[0] === 'served' && Number(out[1]) > 40 && p.errors.length === 0,
        out.join('\n') + p.errors.join('\n'));
      const man = await p.run('man ls | head -3');
      check('... and man, whose page it fetches at first use, plain',
        /LS\(1\)/.test(man.join('\n')) && p.errors.length === 0, man.join('\n'));
    } finally {
      await context.close();
    }
  } finally {
    server.kill();
  }
}
