// transfer.js - files in and out of the page.
//
// In: files dropped onto the terminal. Each lands in the current
// directory of the console's shell - the leader of the session that owns
// the console, whose directory the kernel looks up (runtime.putFile,
// kernel/share.c) - as that shell would create it; a file of that name is
// replaced. A `.wasm` file is made executable (0755), anything else is
// 0644. The terminal says where each one went, or why it did not.
//
// Out: download(2) (the `download` command) hands the page a file's bytes;
// the browser saves them as a download under the file's name.

const errnoText = {
  1: 'Operation not permitted', 12: 'Out of memory', 13: 'Permission denied',
  17: 'File exists', 21: 'Is a directory', 22: 'Invalid argument',
  27: 'File too large', 28: 'No space left on device', 36: 'File name too long',
};

export function modeFor(name) {
  return /\.wasm$/i.test(name) ? 0o755 : 0o644;
}

// Put the dropped files into the machine; say(line) tells the user.
export async function dropFiles(dx, files, say) {
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = dx.putFile(file.name, bytes, modeFor(file.name));
    if (r.error) {
      say(`${file.name}: not dropped: ${errnoText[-r.error] || `error ${-r.error}`}`);
    } else {
      const dir = r.dir === '/' ? '' : r.dir;
      say(`dropped ${dir}/${file.name} (${bytes.length} bytes${modeFor(file.name) & 0o111 ? ', executable' : ''})`);
    }
  }
}

// Accept drops on element: the terminal.
export function acceptDrops(element, dx, say) {
  element.addEventListener('dragover', (e) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  element.addEventListener('drop', (e) => {
    e.preventDefault();
    const files = [...(e.dataTransfer.files || [])];
    if (files.length) dropFiles(dx, files, say);
  });
}

// The browser's download of bytes as name.
export function download(name, bytes) {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
