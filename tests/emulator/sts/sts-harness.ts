/**
 * Test helper: an in-process STS endpoint (Authenticator + StsService) behind real
 * @aws-sdk/client-sts clients, with a movable server clock.
 */
import { STSClient } from "@aws-sdk/client-sts";
import { defaultAccountDirectory } from "../../../emulator/accounts/index.js";
import { Authenticator, SessionStore } from "../../../emulator/auth/index.js";
import type { WireRequest, WireResponse } from "../../../emulator/core/types.js";
import { stsErrorResponse, StsService, toStsAuthError } from "../../../emulator/sts/index.js";
import { inProcessHandler } from "../auth/in-process-handler.js";

/** Credentials an STS client signs with. */
export interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A fresh emulator STS with the default directory; `advance` moves the server clock forward. */
export function stsHarness() {
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const directory = defaultAccountDirectory();
  const sessions = new SessionStore();
  const auth = new Authenticator(directory, sessions, clock);
  const sts = new StsService(directory, sessions, clock);
  let counter = 0;
  const seen: WireRequest[] = [];
  const serve = async (req: WireRequest): Promise<WireResponse> => {
    const requestId = `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;
    const outcome = await auth.authenticate(req);
    if (!outcome.ok) return stsErrorResponse(toStsAuthError(outcome.error), requestId);
    return sts.handle(new URLSearchParams(req.body), outcome.principal, requestId);
  };
  const client = (credentials: Creds) => new STSClient({ region: "us-east-1", credentials, requestHandler: inProcessHandler(serve, seen), maxAttempts: 1 });
  return {
    directory,
    sessions,
    sts,
    serve,
    seen,
    client,
    advance(ms: number) {
      offsetMs += ms;
    },
  };
}
