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
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}
