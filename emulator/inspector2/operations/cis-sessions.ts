/**
 * The four CIS-session operations the Amazon Inspector agent calls on an EC2 instance during a CIS
 * scan (StartCisSession, SendCisSessionHealth, SendCisSessionTelemetry, StopCisSession). Only an
 * instance agent may call them: an assumed-role session named with an EC2 instance id, which is how
 * an instance profile's credentials appear (`assumed-role/<role>/i-…`, CloudTrail userIdentity page).
 * Any other caller gets AccessDeniedException. A session is keyed by scanJobId and its token; a call
 * with another token, or on a session that was never started or is stopped, is ConflictException.
 */
import type { Inspector2Env } from "../env.js";
import { accessDenied, conflict } from "../errors.js";
import type { CisSessionRecord } from "../state.js";
import { type Handler, handler } from "./handler.js";

const INSTANCE_ID = /^i-([a-z0-9]{8}|[a-z0-9]{17})$/;

/** True when the caller is an instance agent (an assumed-role session named like an instance id). */
export function isInstanceAgent(env: Inspector2Env): boolean {
  return env.principal.kind === "AssumedRole" && INSTANCE_ID.test(env.principal.sessionName);
}

function asAgent(env: Inspector2Env, operation: string): void {
  if (!isInstanceAgent(env)) {
    throw accessDenied(`${operation} is called by the Amazon Inspector agent on an EC2 instance (instance profile credentials); the caller is not an instance agent.`);
  }
}

function activeSession(env: Inspector2Env, scanJobId: string, sessionToken: string): CisSessionRecord {
  const s = env.state.cisSessions.get(scanJobId);
  if (s === undefined || s.sessionToken !== sessionToken || s.state !== "STARTED") {
    throw conflict(`No started CIS session for scan job ${scanJobId} with this session token.`, scanJobId, "CIS_SESSION");
  }
  return s;
}

/** CIS session handlers by operation name. */
export const cisSessionHandlers: Record<string, Handler> = {
  StartCisSession: handler<{ scanJobId: string; message: { sessionToken: string } }>((input, env) => {
    asAgent(env, "StartCisSession");
    const existing = env.state.cisSessions.get(input.scanJobId);
    if (existing !== undefined && existing.sessionToken !== input.message.sessionToken) {
      throw conflict(`Scan job ${input.scanJobId} already has a session with another token.`, input.scanJobId, "CIS_SESSION");
    }
    // The operation is idempotent: starting the same session again changes nothing.
    if (existing === undefined) env.state.cisSessions.set(input.scanJobId, { scanJobId: input.scanJobId, sessionToken: input.message.sessionToken, state: "STARTED", messages: 0 });
    return {};
  }),

  SendCisSessionHealth: handler<{ scanJobId: string; sessionToken: string }>((input, env) => {
    asAgent(env, "SendCisSessionHealth");
    activeSession(env, input.scanJobId, input.sessionToken);
    return {};
  }),

  SendCisSessionTelemetry: handler<{ scanJobId: string; sessionToken: string; messages: unknown[] }>((input, env) => {
    asAgent(env, "SendCisSessionTelemetry");
    activeSession(env, input.scanJobId, input.sessionToken).messages += input.messages.length;
    return {};
  }),

  StopCisSession: handler<{ scanJobId: string; sessionToken: string }>((input, env) => {
    asAgent(env, "StopCisSession");
    const s = env.state.cisSessions.get(input.scanJobId);
    // Stopping a stopped session again is idempotent; any other mismatch is a conflict.
    if (s !== undefined && s.sessionToken === input.sessionToken && s.state === "STOPPED") return {};
    activeSession(env, input.scanJobId, input.sessionToken).state = "STOPPED";
    return {};
  }),
};
