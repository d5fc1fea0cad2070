// screen.js - a small model of a terminal's screen for the Node tests: what
// a person would see after the bytes the console printed. It knows the
// part of VT100 that Duplex's tty and shell send - printable characters
// with automatic wrap (the cursor waits in the last column until the next
// character), \r \n \b \t, and ESC [ n A B C D H J K - and, like xterm.js,
// it rewraps the lines at the new width when it is resized (reflow), the
// cursor with them.
//
//   const s = new Screen(24, 80);
//   s.write(bytes); s.resize(24, 20);
//   s.lines()          // the logical lines (wrapped rows joined), as text
export class Screen {
  constructor(rows, cols) {
    this.rows = rows;
    this.cols = cols;
    this.buf = [{ text: [], cont: false }];   // cont: continues the row above
    this.y = 0;
    this.x = 0;
    this.pending = false;                      // a wrap due at the next character
  }

  top() { return Math.max(0, this.buf.length - this.rows); }

  row(y) {
    while (this.buf.length <= y) this.buf.push({ text: [], cont: false });
    return this.buf[y];
  }

  put(ch) {
    if (this.pending) {
      this.y++;
      this.row(this.y).cont = true;
      this.x = 0;
      this.pending = false;
    }
    const r = this.row(this.y);
    while (r.text.length < this.x) r.text.push(' ');
    r.text[this.x] = ch;
    if (this.x === this.cols - 1) this.pending = true;
    else this.x++;
  }

  // Erase from the cursor: to the end of its row, and (screen) every row below.
  erase(screen) {
    this.row(this.y).text.length = Math.min(this.row(this.y).text.length, this.x);
    if (screen) this.buf.length = this.y + 1;
  }

  csi(params, final) {
    const n = Math.max(1, parseInt(params || '1', 10) || 1);
    this.pending = false;
    switch (final) {
      case 'A': this.y = Math.max(this.top(), this.y - n); break;
      case 'B': this.y += n; this.row(this.y); break;
      case 'C': this.x = Math.min(this.cols - 1, this.x + n); break;
      case 'D': this.x = Math.max(0, this.x - n); break;
      case 'H': this.y = this.top(); this.x = 0; break;
      case 'J':
        if (params === '2') { this.buf.length = this.top(); this.row(this.y); }
        this.erase(true);
        break;
      case 'K': this.erase(false); break;
      default: break;                          // colours and the like: no matter
    }
  }

  write(data) {
    const s = typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === '\x1b' && s[i + 1] === '[') {
        let j = i + 2;
        while (j < s.length && !/[@-~]/.test(s[j])) j++;
        this.csi(s.slice(i + 2, j), s[j]);
        i = j;
      } else if (c === '\r') {
        this.x = 0; this.pending = false;
      } else if (c === '\n') {
        this.y++; this.row(this.y); this.pending = false;
      } else if (c === '\b') {
        this.x = Math.max(0, this.x - 1); this.pending = false;
      } else if (c === '\t') {
        this.x = Math.min(this.cols - 1, (this.x | 7) + 1);
      } else if (c >= ' ' && c !== '\x7f') {
        this.put(c);
      }
    }
  }

  // Reflow: each logical line is rewrapped at the new width; the cursor
  // keeps its place in its line.
  resize(rows, cols) {
    const lines = [];
    let cursor = null;
    for (let y = 0; y < this.buf.length; y++) {
      const r = this.buf[y];
      if (!r.cont || lines.length === 0) lines.push({ text: '', start: y });
      const line = lines[lines.length - 1];
      const cells = r.text.map((ch) => ch ?? ' ').join('');
      const isLast = y + 1 >= this.buf.length || !this.buf[y + 1].cont;
      line.text += isLast ? cells : cells.padEnd(this.cols, ' ');
      if (y === this.y) cursor = { line: lines.length - 1, at: (y - line.start) * this.cols + this.x + (this.pending ? 1 : 0) };
    }
    this.cols = cols;
    this.rows = rows;
    this.buf = [];
    lines.forEach((line, k) => {
      let text = line.text.replace(/ +$/, '');
      if (cursor && cursor.line === k) text = text.padEnd(cursor.at, ' ');
      const start = this.buf.length;
      for (let i = 0; i === 0 || i < text.length; i += cols)
        this.buf.push({ text: [...text.slice(i, i + cols)], cont: i > 0 });
      if (cursor && cursor.line === k) {
        this.y = start + Math.floor(cursor.at / cols);
        this.x = cursor.at % cols;
        this.row(this.y);
      }
    });
    this.pending = false;
  }

  // The logical lines: rows joined where one wrapped onto the next.
  lines() {
    const out = [];
    let rowsInLine = 0;
    for (const r of this.buf) {
      const text = r.text.map((ch) => ch ?? ' ').join('');
      if (r.cont && out.length) {
        out[out.length - 1] = out[out.length - 1].padEnd(rowsInLine * this.cols, ' ') + text;
        rowsInLine++;
      } else {
        out.push(text);
        rowsInLine = 1;
      }
    }
    return out.map((l) => l.replace(/ +$/, ''));
  }

  // The rows as shown, for a failure's message.
  toString() {
    return this.buf.map((r) => r.text.join('')).join('\n');
  }
}
