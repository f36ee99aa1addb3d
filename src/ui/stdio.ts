/**
 * The run's stdout and stderr. On a terminal (and on Windows) they are process.stdout and
 * process.stderr. Written to a file, a pipe or /dev/null, they are a writer straight to the
 * descriptor: Node creates process.stdout and process.stderr when first asked for, and creating them
 * loads its stream modules (~4 ms of a start for the two, as much as all of `status`'s own work),
 * which whole lines written once do not need. Writes are synchronous, as Node's own are for files
 * and pipes on POSIX; a pipe that is full and non-blocking (EAGAIN: one shared with a parent that
 * made it so) hands the rest to Node's stream, which waits for it.
 *
 * A stdout that cannot be written goes to the handler guard-stdout.ts gives (EPIPE: exit 0; else one
 * line and exit 5), as the stream's 'error' event would; a stderr that cannot be written has
 * nowhere left to say so, and what did not fit is dropped.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';

/** What Output, the prompts and the tables ask of a stream. */
export interface OutStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
  hasColors?(): boolean;
}

type Fd = 1 | 2;

let failure: ((error: NodeJS.ErrnoException) => void) | undefined;
const chosen: Partial<Record<Fd, OutStream>> = {};

/** Node's own stream for `fd`, with the stdout failure handler on it. */
function nodeStream(fd: Fd): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (fd === 1 && failure && !stream.listeners('error').includes(failure)) stream.on('error', failure);
  return stream;
}

/**
 * Whether `fd` is a terminal, or may be (when it cannot be told). A character device is a terminal
 * unless it is /dev/null; only then is node:tty asked (loading it loads node:net, which is what
 * process.stdout would have cost anyway).
 */
export function isTerminal(fd: Fd): boolean {
  if (process.platform !== 'win32') {
    try {
      const stat = fstatSync(fd);
      if (!stat.isCharacterDevice() || stat.rdev === statSync('/dev/null').rdev) return false;
    } catch {
      return true;
    }
  }
  return isatty(fd);
}

/** A terminal, or not sure, or Windows (where Node's streams do the console's work): Node's stream. */
const wantsNodeStream = (fd: Fd): boolean => process.platform === 'win32' || isTerminal(fd);

class DirectWriter implements OutStream {
  readonly isTTY = false;
  private handedOver: NodeJS.WriteStream | undefined;

  constructor(private readonly fd: Fd) {}

  get columns(): number | undefined {
    return undefined;
  }

  write(text: string): boolean {
    if (this.handedOver) return this.handedOver.write(text);
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(this.fd, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          this.handedOver = nodeStream(this.fd);
          return this.handedOver.write(bytes.subarray(offset));
        }
        if (this.fd === 2) return false;
        if (failure) {
          failure(error as NodeJS.ErrnoException);
          return false;
        }
        throw error;
      }
    }
    return true;
  }

  /** Resolves when everything written has left the process: at once, unless Node's stream took over. */
  flush(): Promise<void> {
    return this.handedOver ? drained(this.handedOver) : Promise.resolve();
  }
}

/** Resolves once what Node's stream holds has been written. */
const drained = (stream: NodeJS.WriteStream): Promise<void> => new Promise<void>((resolve) => stream.write('', () => resolve()));

function choose(fd: Fd): OutStream {
  return (chosen[fd] ??= wantsNodeStream(fd) ? nodeStream(fd) : new DirectWriter(fd));
}

export function stdout(): OutStream {
  return choose(1);
}

export function stderr(): OutStream {
  return choose(2);
}

/**
 * Node's streams for both, whatever they are: for commander's path (main.ts), which writes to
 * process.stdout itself; one way of writing per run keeps the order of what is written.
 */
export function useNodeStreams(): void {
  chosen[1] ??= nodeStream(1);
  chosen[2] ??= nodeStream(2);
}

/** What a stdout that cannot be written does (guard-stdout.ts): on Node's stream, its 'error' listener. */
export function onStdoutFailure(handler: (error: NodeJS.ErrnoException) => void): void {
  failure = handler;
  if (chosen[1] && !(chosen[1] instanceof DirectWriter)) nodeStream(1);
}

/** Resolves when stdout's output has left the process (before process.exit()). */
export function flushStdout(): Promise<void> {
  const out = stdout();
  return out instanceof DirectWriter ? out.flush() : drained(out as NodeJS.WriteStream);
}
