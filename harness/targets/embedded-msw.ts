/**
 * The embedded target's `msw` transport: the emulator mounted with msw on the real AWS hostnames
 * (inspector.<region>.amazonaws.com, cloudtrail.<region>…, sts…), for tests and benchmarks that put
 * their own answers in front of it. Apart from embedded.ts so that a run, which reaches its
 * emulator over loopback, does not load msw (about 400 ms and 300 modules, with graphql).
 */
import { setupServer } from "msw/node";
import { mswHandlers } from "../../emulator/transports/msw-handlers.js";
import type { MswMount } from "./embedded.js";

/** Mounts a handler with msw; any request msw does not handle is an error: nothing leaks to the network. */
export const MSW_TRANSPORT: MswMount = (handle) => {
  const server = setupServer(...mswHandlers(handle));
  server.listen({ onUnhandledRequest: "error" });
  return server;
};
