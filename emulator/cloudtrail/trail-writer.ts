/**
 * Delivers records as trail log files under a folder: gzip (node:zlib) of `{"Records":[...]}`, one file
 * per account+region per delivery, written atomically (temporary file, then rename) so a reader never
 * sees half a file. Deliveries run on an interval and on close(); every record goes out exactly once.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { StoredRecord } from "./stored-record.js";
import { trailFileKey, uniqueString } from "./trail-file-name.js";
import { renderTrailBody, type TrailBodyRenderer } from "../faults/trail-faults.js";

const gzipAsync = promisify(gzip);

/**
 * Default delivery interval, 60 s. AWS delivers "multiple times an hour, about every 5 minutes"
 * (facts section 4); the emulator delivers more often so runs need not wait, and names files by the
 * minute of delivery as AWS does.
 */
export const DEFAULT_TRAIL_INTERVAL_MS = 60_000;

/** Writes pending records to `<dir>/AWSLogs/...` files. */
export class TrailWriter {
  private pending: StoredRecord[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private lastError: unknown;

  /**
   * Starts the delivery timer (unref'd: it never keeps the process alive). `renderBody` writes a file's
   * body from its records' JSON texts: `{"Records":[...]}` unless an emulator fault says otherwise.
   */
  constructor(
    private readonly dir: string,
    intervalMs: number,
    private readonly clock: () => Date,
    private readonly renderBody: TrailBodyRenderer = renderTrailBody,
  ) {
    this.timer = setInterval(() => {
      this.flush(false).catch((e: unknown) => {
        this.lastError = e;
      });
    }, intervalMs);
    this.timer.unref();
  }

  /** Queues a record for the next delivery. */
  enqueue(entry: StoredRecord): void {
    this.pending.push(entry);
  }

  /**
   * Delivers pending records: those already visible (`all` false, the interval) or every one (`all` true).
   * Deliveries are serialised; records of a failed write stay pending and the error is thrown.
   */
  flush(all: boolean): Promise<void> {
    const run = this.chain.then(() => this.deliver(all));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Stops the timer and delivers everything still pending; throws if a delivery failed. */
  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush(true);
    this.lastError = undefined;
  }

  /** The error of the last failed interval delivery, if any (its records are still pending). */
  get deliveryError(): unknown {
    return this.lastError;
  }

  private async deliver(all: boolean): Promise<void> {
    const now = this.clock();
    const due = all ? this.pending : this.pending.filter((e) => e.visibleAtMs <= now.getTime());
    if (due.length === 0) return;
    const dueSet = new Set(due);
    this.pending = this.pending.filter((e) => !dueSet.has(e));

    const groups = new Map<string, StoredRecord[]>();
    for (const e of due) {
      const key = `${e.account}\u0000${e.region}`;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [e]);
      else group.push(e);
    }
    const failures: unknown[] = [];
    for (const group of groups.values()) {
      try {
        await this.writeFile(group, now);
      } catch (e) {
        failures.push(e);
        this.pending.push(...group);
      }
    }
    if (failures.length > 0) {
      this.pending.sort((a, b) => a.seq - b.seq);
      throw new Error(`[emulator/cloudtrail] trail delivery to ${this.dir} failed; the records stay pending`, { cause: failures[0] });
    }
  }

  private async writeFile(group: StoredRecord[], deliveredAt: Date): Promise<void> {
    const first = group[0]!;
    const target = join(this.dir, ...trailFileKey(first.account, first.region, deliveredAt).split("/"));
    await mkdir(dirname(target), { recursive: true });
    // The stored JSON text is the same text LookupEvents returns as CloudTrailEvent.
    const body = this.renderBody(group.map((e) => e.json));
    const temp = join(dirname(target), `.tmp-${uniqueString()}`);
    try {
      await writeFile(temp, await gzipAsync(Buffer.from(body, "utf8")));
      await rename(temp, target);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  }
}
