/** Rule 4 per identity kind: calls were made as each kind the target can provide (others are `na`, with the reason). */
import { describe, it } from "vitest";
import { IdentityKindSchema } from "../history/observed-call.js";
import { assertCheck, checkOf, reportServices, suiteReport } from "./suite-report.js";

describe(`identity kinds [${suiteReport().target}]`, () => {
  for (const { service } of reportServices()) {
    describe(service, () => {
      it.for(IdentityKindSchema.options)("%s", (kind, ctx) => {
        assertCheck(checkOf(service, "*", `identity:${kind}`), (note) => ctx.skip(note));
      });
    });
  }
});
