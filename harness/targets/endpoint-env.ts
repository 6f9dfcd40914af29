/**
 * Endpoint URLs of the `endpoint` target from the SDK's own variables: AWS_ENDPOINT_URL for every
 * service, AWS_ENDPOINT_URL_<SERVICE> to override one (AWS SDKs and tools reference guide,
 * "Service-specific endpoints": https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 * They are passed to the clients explicitly: @aws-sdk/client-inspector 3.523.0 only reads them
 * through @smithy/middleware-endpoint, from process.env, and the harness takes its env as an argument.
 */
import { z } from "zod";
import { ConfigError } from "../config.js";
import { SERVICE_IDS, type ServiceId } from "../../model/services.js";
import type { ServiceEndpoints } from "./service-clients.js";

/** The variables read, general first. */
export const ENDPOINT_ENV = {
  all: "AWS_ENDPOINT_URL",
  inspector: "AWS_ENDPOINT_URL_INSPECTOR",
  inspector2: "AWS_ENDPOINT_URL_INSPECTOR2",
  cloudtrail: "AWS_ENDPOINT_URL_CLOUDTRAIL",
  sts: "AWS_ENDPOINT_URL_STS",
} as const;

/** A service an endpoint is read for. */
type EndpointService = Exclude<keyof typeof ENDPOINT_ENV, "all">;

const endpointUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL such as http://127.0.0.1:4566" }));

/**
 * Resolves the endpoints of CloudTrail, STS and the checked `services` (default: both Inspectors);
 * throws ConfigError naming each variable and the fix.
 */
export function endpointsFromEnv(env: NodeJS.ProcessEnv, services: readonly ServiceId[] = SERVICE_IDS): ServiceEndpoints & { cloudtrail: string; sts: string } {
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
  const needed: EndpointService[] = [...services, "cloudtrail", "sts"];
  const out: ServiceEndpoints = {};
  for (const service of needed) {
    const url = read(ENDPOINT_ENV[service]) ?? all;
    if (url === undefined && env[ENDPOINT_ENV[service]] === undefined && env[ENDPOINT_ENV.all] === undefined) {
      problems.push(`  ${ENDPOINT_ENV.all} (or ${ENDPOINT_ENV[service]}): not set`);
    }
    if (url !== undefined) out[service] = url;
  }
  if (problems.length > 0 || needed.some((service) => out[service] === undefined)) {
    throw new ConfigError(
      `CONFORMANCE_TARGET=endpoint needs the emulator's URL:\n${problems.join("\n")}\n` +
        `Set ${ENDPOINT_ENV.all}=http://127.0.0.1:4566 (e.g. \`npm run emulator -- --port 4566\`), or per service ${needed.map((s) => ENDPOINT_ENV[s]).join(", ")}.`,
    );
  }
  return out as ServiceEndpoints & { cloudtrail: string; sts: string };
}
