/**
 * (e) Failing targets: each class of tests/harness/faulty-target/classes.ts run through its
 * misbehaving proxy on the endpoint target, once against the faithful emulator and once with the
 * class's CloudTrail fault: the verdict each gets, against the one it must get, and the seconds it took.
 */
import { cleanUp, FAULT_CLASSES, requiredCodes, runThroughProxy } from "../tests/harness/faulty-target/classes.js";

/** One class measured both ways. */
export interface FaultyTargetResult {
  name: string;
  faithful: { verdict: string; expected: string; seconds: number; incidents: string[] };
  withFault: { fault: string; verdict: string; caught: boolean; code: string; seconds: number };
}

/** Runs every class both ways, one after the other. */
export async function measureFaultyTargets(say: (line: string) => void): Promise<FaultyTargetResult[]> {
  const out: FaultyTargetResult[] = [];
  for (const cls of FAULT_CLASSES) {
    say(`(e) ${cls.name}`);
    const plain = await runThroughProxy(cls, undefined);
    const faulty = await runThroughProxy(cls, cls.fault.name);
    out.push({
      name: cls.name,
      faithful: { verdict: plain.run.report.verdict, expected: cls.faithful, seconds: plain.seconds, incidents: plain.run.report.incidents.map((i) => i.kind) },
      withFault: { fault: cls.fault.name, verdict: faulty.run.report.verdict, caught: requiredCodes(faulty.run).has(cls.fault.code), code: cls.fault.code, seconds: faulty.seconds },
    });
    cleanUp(plain);
    cleanUp(faulty);
  }
  return out;
}
