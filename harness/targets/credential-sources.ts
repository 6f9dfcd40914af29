/**
 * Credentials of the `endpoint` and `aws` targets. Base: the SDK's default provider chain
 * (`fromNodeProviderChain`: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, AWS_PROFILE,
 * SSO, IMDS …); the keys of the `env` argument are honoured first, as the chain's fromEnv step would
 * honour them in process.env. Root: CONFORMANCE_ROOT_ACCESS_KEY_ID + CONFORMANCE_ROOT_SECRET_ACCESS_KEY,
 * or the profile CONFORMANCE_ROOT_PROFILE (fromIni).
 */
import { fromIni, fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { Credentials } from "./target.js";

/** Variables naming root credentials. */
export const ROOT_ENV = {
  accessKeyId: "CONFORMANCE_ROOT_ACCESS_KEY_ID",
  secretAccessKey: "CONFORMANCE_ROOT_SECRET_ACCESS_KEY",
  sessionToken: "CONFORMANCE_ROOT_SESSION_TOKEN",
  profile: "CONFORMANCE_ROOT_PROFILE",
} as const;

function strip(c: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined }): Credentials {
  return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) };
}

/** The base credentials: keys in `env`, else the default provider chain (with AWS_PROFILE from `env`). */
export async function baseCredentials(env: NodeJS.ProcessEnv): Promise<Credentials> {
  const id = env["AWS_ACCESS_KEY_ID"];
  const secret = env["AWS_SECRET_ACCESS_KEY"];
  if (id && secret) return strip({ accessKeyId: id, secretAccessKey: secret, sessionToken: env["AWS_SESSION_TOKEN"] });
  const profile = env["AWS_PROFILE"];
  const provider = fromNodeProviderChain(profile ? { profile } : {});
  try {
    return strip(await provider());
  } catch (err) {
    throw new Error(
      `the SDK's default credential chain found none (${err instanceof Error ? err.message : String(err)}); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE`,
    );
  }
}

/** Root credentials from CONFORMANCE_ROOT_*, or why there are none. */
export async function rootCredentials(env: NodeJS.ProcessEnv): Promise<Credentials | { na: string }> {
  const id = env[ROOT_ENV.accessKeyId];
  const secret = env[ROOT_ENV.secretAccessKey];
  if (id && secret) return strip({ accessKeyId: id, secretAccessKey: secret, sessionToken: env[ROOT_ENV.sessionToken] });
  const profile = env[ROOT_ENV.profile];
  if (profile) {
    try {
      return strip(await fromIni({ profile })());
    } catch (err) {
      return { na: `${ROOT_ENV.profile}=${profile}: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  return { na: `no root credentials: set ${ROOT_ENV.accessKeyId}/${ROOT_ENV.secretAccessKey} or ${ROOT_ENV.profile}` };
}
