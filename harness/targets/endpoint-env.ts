/**
 * Endpoint URLs of the `endpoint` target from the SDK's own variables: AWS_ENDPOINT_URL for every
 * service, AWS_ENDPOINT_URL_<SERVICE> to override one (AWS SDKs and tools reference guide,
 * "Service-specific endpoints": https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 * They are passed to the clients explicitly: @aws-sdk/client-inspector 3.523.0 only reads them
 * through @smithy/middleware-endpoint, from process.env, and the harness takes its env as an argument.
 */
import { z } from "zod";
import { ConfigError } from "../config.js";
import type { ServiceEndpoints } from "./service-clients.js";

/** The variables read, general first. */
export const ENDPOINT_ENV = {
  all: "AWS_ENDPOINT_URL",
  inspector: "AWS_ENDPOINT_URL_INSPECTOR",
  cloudtrail: "AWS_ENDPOINT_URL_CLOUDTRAIL",
  sts: "AWS_ENDPOINT_URL_STS",
} as const;

const endpointUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL such as http://127.0.0.1:4566" }));

/** Resolves the three endpoints; throws ConfigError naming the variable and the fix. */
export function endpointsFromEnv(env: NodeJS.ProcessEnv): Required<ServiceEndpoints> {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") return undefined;
    const parsed = endpointUrl.safeParse(raw);
    if (parsed.success) return parsed.data.replace(/\/+$/, "");
    problems.push(`  ${name}: ${parsed.error.issues[0]?.message ?? "invalid URL"} (got ${JSON.stringify(raw)})`);
    return undefined;
  };
  const all = read(ENDPOINT_ENV.all);
  const out: Partial<Record<"inspector" | "cloudtrail" | "sts", string>> = {};
  for (const service of ["inspector", "cloudtrail", "sts"] as const) {
    const own = read(ENDPOINT_ENV[service]);
    const url = own ?? all;
    if (url === undefined && env[ENDPOINT_ENV[service]] === undefined && env[ENDPOINT_ENV.all] === undefined) {
      problems.push(`  ${ENDPOINT_ENV.all} (or ${ENDPOINT_ENV[service]}): not set`);
    }
    if (url !== undefined) out[service] = url;
  }
  if (problems.length > 0 || out.inspector === undefined || out.cloudtrail === undefined || out.sts === undefined) {
    throw new ConfigError(
      `CONFORMANCE_TARGET=endpoint needs the emulator's URL:\n${problems.join("\n")}\n` +
        `Set ${ENDPOINT_ENV.all}=http://127.0.0.1:4566 (e.g. \`npm run emulator -- --port 4566\`), or per service ${ENDPOINT_ENV.inspector}, ${ENDPOINT_ENV.cloudtrail}, ${ENDPOINT_ENV.sts}.`,
    );
  }
  return { inspector: out.inspector, cloudtrail: out.cloudtrail, sts: out.sts };
}
