import { Writable } from 'node:stream';

/** A writable that keeps what was written, optionally pretending to be a TTY (of `columns` width). */
export class Capture extends Writable {
  text = '';
  isTTY: boolean;
  columns: number | undefined;
  constructor(isTTY = false, columns?: number) {
    super();
    this.isTTY = isTTY;
    this.columns = columns;
  }
  // What a TTY stream offers ora; the captured text keeps the escape codes it writes instead.
  cursorTo(): boolean {
    return true;
  }
  clearLine(): boolean {
    return true;
  }
  moveCursor(): boolean {
    return true;
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}
