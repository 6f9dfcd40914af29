/**
 * What the janitor takes, as pure functions: a `conformance-run` tag holding a run id or a name
 * starting with one, older than `--older-than`; nothing else. And what `--older-than` accepts.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { AccountThing } from "../../../harness/janitor/kinds.js";
import { JANITOR_KINDS } from "../../../harness/janitor/kinds.js";
import { formatAge, olderThanSchema, parseOlderThan } from "../../../harness/janitor/older-than.js";
import { selectLeftovers, stampOf } from "../../../harness/janitor/select.js";
import { newRunId, RUN_TAG_KEY } from "../../../harness/run/run-stamp.js";

const kind = JANITOR_KINDS[0]!;
const thing = (name: string, tags?: Record<string, string>): AccountThing => ({ kind, arn: `arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/filter/${name.length}`, name, tags });
/** Run start times the stamp can hold (whole seconds, years 2000 to 2099). */
const runStart = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

describe("--older-than", () => {
  it("reads 90s, 90m, 2h, 1d and 0, and defaults to 2h", () => {
    expect(["90s", "90m", "2h", "1d", "0", " 2h "].map((t) => olderThanSchema.parse(t))).toEqual([90_000, 5_400_000, 7_200_000, 86_400_000, 0, 7_200_000]);
    expect(parseOlderThan(undefined)).toBe(7_200_000);
  });

  it("refuses what is not a duration, with a message saying what one looks like", () => {
    for (const bad of ["", "2", "2x", "-1h", "1.5h", "h", "2 h", "00", "1w"]) {
      const r = olderThanSchema.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message, bad).toMatch(/such as 90m, 2h or 1d/);
    }
  });

  test.prop([fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(["s", 1_000], ["m", 60_000], ["h", 3_600_000], ["d", 86_400_000])])("n<unit> is n times the unit", (n, [unit, ms]) => {
    expect(olderThanSchema.parse(`${n}${unit}`)).toBe(n * (ms as number));
  });

  it("ages print rounded down", () => {
    expect([0, 30_999, 60_000, 3_599_999, 3 * 3_600_000, 27 * 3_600_000 + 5 * 60_000].map(formatAge)).toEqual(["0s", "30s", "1m", "59m", "3h00m", "1d03h"]);
  });
});

describe("stampOf: a run id in the tag, else at the start of the name", () => {
  test.prop([runStart])("a run's tag is read, with the run's start", (at) => {
    const runId = newRunId(at);
    expect(stampOf(thing("mine", { [RUN_TAG_KEY]: runId }))).toEqual({ runId, runStartedAt: at, stampedBy: "tag" });
    expect(stampOf(thing(`${runId}-sweep`))).toEqual({ runId, runStartedAt: at, stampedBy: "name" });
  });

  test.prop([fc.string(), fc.string()])("a tag value or a name that holds no run id stamps nothing", (value, name) => {
    fc.pre(!/^ict-\d{8}T\d{6}Z-[0-9a-f]{4}/.test(value) && !/^ict-\d{8}T\d{6}Z-[0-9a-f]{4}-/.test(name));
    expect(stampOf(thing(name, { [RUN_TAG_KEY]: value }))).toBeUndefined();
    expect(stampOf(thing(name, { other: newRunId(new Date()) }))).toBeUndefined();
  });

  it("a tag that is not a run id does not count, but a stamped name still does", () => {
    const runId = "ict-20261201T100000Z-0a1b";
    expect(stampOf(thing("keep", { [RUN_TAG_KEY]: "keep-me" }))).toBeUndefined();
    expect(stampOf(thing(`${runId}-x`, { [RUN_TAG_KEY]: "keep-me" }))?.stampedBy).toBe("name");
    // Looks like a run id but is none: month 13, upper-case hex, no hyphen after it, a bare run id.
    for (const name of ["ict-20261301T100000Z-0a1b-x", "ict-20261201T100000Z-0A1B-x", "ict-20261201T100000Z-0a1bx", runId, "ict-2026-review"]) expect(stampOf(thing(name)), name).toBeUndefined();
  });
});

describe("selectLeftovers: stamped and older than --older-than", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const at = (msAgo: number) => newRunId(new Date(now.getTime() - msAgo), () => 0.5);

  it("takes a run that started more than --older-than ago, not one that started since", () => {
    const two = 7_200_000;
    const older = thing(`${at(two + 1000)}-a`);
    const exactly = thing(`${at(two)}-b`);
    const recent = thing("c", { [RUN_TAG_KEY]: at(60_000) });
    const mine = thing("d", { team: "sec" });
    expect(selectLeftovers([older, exactly, recent, mine], now, two).map((t) => t.name)).toEqual([older.name]);
  });

  it("--older-than 0 takes every stamped thing, even a run stamped ahead of this clock, and still nothing else", () => {
    const ahead = thing(`${at(-60_000)}-ahead`);
    const recent = thing("c", { [RUN_TAG_KEY]: at(60_000) });
    const mine = thing("d", { [RUN_TAG_KEY]: "keep-me" });
    expect(selectLeftovers([ahead, recent, mine], now, 0).map((t) => t.name)).toEqual([ahead.name, "c"]);
  });
});
