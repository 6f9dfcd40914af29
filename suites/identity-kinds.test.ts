/** Rule 4 per identity kind: calls were made as each kind the target can provide (others are `na`, with the reason). */
import { describe, it } from "vitest";
import { assertCheck, checkOf, suiteReport } from "./suite-report.js";

describe(`identity kinds [${suiteReport().target}]`, () => {
  it.for(["IAMUser", "Root", "AssumedRole", "FederatedUser"])("%s", (kind, ctx) => {
    assertCheck(checkOf("*", `identity:${kind}`), (note) => ctx.skip(note));
  });
});
