/**
 * A CloudTrail client fit for the collector: no SDK retries (the collector counts, paces and retries
 * requests itself) and a bounded wait for each request.
 */
import { CloudTrailClient, type CloudTrailClientConfig } from "@aws-sdk/client-cloudtrail";

/** Default time one LookupEvents request may take before it is abandoned, 15 s. */
export const DEFAULT_LOOKUP_REQUEST_TIMEOUT_MS = 15_000;

/**
 * A CloudTrailClient with `maxAttempts: 1` and connection/request timeouts, from the rest of `config`
 * (region, credentials, endpoint...). Any `maxAttempts` in `config` is overridden.
 */
export function createLookupClient(config: CloudTrailClientConfig, requestTimeoutMs = DEFAULT_LOOKUP_REQUEST_TIMEOUT_MS): CloudTrailClient {
  return new CloudTrailClient({
    ...config,
    maxAttempts: 1,
    requestHandler: config.requestHandler ?? { connectionTimeout: requestTimeoutMs, requestTimeout: requestTimeoutMs },
  });
}

/** How many attempts the client makes per request (1 unless it was built to retry on its own). */
export async function attemptsOf(client: CloudTrailClient): Promise<number> {
  try {
    const attempts = await client.config.maxAttempts();
    return typeof attempts === "number" ? attempts : 1;
  } catch {
    return 1;
  }
}
