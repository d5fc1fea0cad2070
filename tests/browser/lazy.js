// lazy.js - the browser test's checks of the files the page's boot archive
// lists without their bytes (kernel/lazy.c; web/main.js fetches them from
// build/web/files/): a program fetched at its first run works in a
// pipeline, ls -l shows such a file's real size before it is fetched, man
// shows a page fetched at first use, and a fetch that fails - a 404, or a
// server gone - is EIO with a line saying why, and the page goes on.
// Called by run.js with its helpers.
import fs from 'node:fs';
import path from 'node:path';
import { openPage } from './files.js';

export async function checkLazy(browser, url, root, check) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 640 } });
  try {
    const fetched = [];
    context.on('request', (r) => {
      const m = r.url().match(/\/build\/web\/files\/(.*)$/);
      if (m) fetched.push(decodeURIComponent(m[1]));
    });
    const p = await openPage(context, url);
    check('nothing is fetched at first use before the prompt', fetched.length === 0,
      fetched.join(' '));

    const size = fs.statSync(path.join(root, 'build/web/files/bin/od')).size;
    const ls = await p.run('ls -l /bin/od | tr -s " " | cut -d" " -f1,5');
    check('ls -l of a program not fetched yet shows its mode and real size',
      ls.join('\n') === `-rwxr-xr-x ${size}` && !fetched.includes('bin/od'),
      `${ls.join('\n')} (expected ${size}); fetched: ${fetched.join(' ')}`);

    const wc = await p.run('seq 1 100 | wc -l');
    check('a program fetched at its first run works in a pipeline (seq 1 100 | wc -l)',
      wc.join('\n') === '100' && fetched.includes('bin/wc') && fetched.includes('bin/seq'),
      `${wc.join('\n')}; fetched: ${fetched.join(' ')}`);

    const man = await p.run('man ls | head -3');
    check('man shows a page fetched at first use',
      /LS\(1\)/.test(man.join('\n')) && fetched.includes('share/man/ls.1'), man.join('\n'));

    // a 404, then a server that does not answer at all
    await context.route('**/build/web/files/bin/rev*', (r) => r.fulfill({ status: 404, body: 'no' }));
    await context.route('**/build/web/files/bin/nl*', (r) => r.abort('connectionrefused'));
    const rev = await p.run('echo abc | rev; echo "status $?"');
    const revText = rev.join('\n');
    check('a program whose fetch is answered 404: EIO, with a line saying why, status 126',
      /\[cannot fetch bin\/rev: .*404/.test(revText) && /rev: Input\/output error/.test(revText) &&
      /^status 126$/m.test(revText), revText);
    const nl = await p.run('nl /etc/motd; echo "status $?"; echo still here | cat');
    const nlText = nl.join('\n');
    check('... and whose server is gone: the same, and the page goes on',
      /\[cannot fetch bin\/nl: /.test(nlText) && /nl: Input\/output error/.test(nlText) &&
      /^status 126$/m.test(nlText) && /^still here$/m.test(nlText), nlText);
    await context.unroute('**/build/web/files/bin/rev*');
    const again = await p.run('echo abc | rev');
    check('... and once the server answers, the next run fetches it and runs',
      again.join('\n') === 'cba', again.join('\n'));
    check('no error on the page', p.errors.length === 0, p.errors.join('\n'));
  } finally {
    await context.close();
  }
}
