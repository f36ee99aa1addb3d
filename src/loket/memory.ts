/**
 * Big verify runs allocate fast (tens of thousands of requests) while keeping little alive
 * (~25 MB at 10,000 employers). V8 then lets the heap grow to several times the live set before
 * a full collection, and never gives the committed memory back: peak RSS reached ~200 MB at
 * 10,000 employers against SPEC §12's 150 MB. A full collection every few hundred employers keeps
 * the heap close to the live set; it costs a few milliseconds each time. Heap flags cannot be set
 * from inside a running process, and `gc` is only reachable after `--expose-gc`, which V8 accepts
 * at run time; if that ever stops working, this quietly does nothing.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('gc');
      collect = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
