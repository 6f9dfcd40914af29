/**
 * Credentials of the `endpoint` and `aws` targets. Base: the SDK's default provider chain
 * (`fromNodeProviderChain`: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, AWS_PROFILE,
 * SSO, IMDS …); the keys of the `env` argument are honoured first, as the chain's fromEnv step would
 * honour them in process.env. Root on `endpoint`: CONFORMANCE_ROOT_ACCESS_KEY_ID +
 * CONFORMANCE_ROOT_SECRET_ACCESS_KEY, or the profile CONFORMANCE_ROOT_PROFILE. Root on `aws`: only
 * the profile CONFORMANCE_ROOT_PROFILE: a root access key is not to be kept in variables (AWS's
 * advice is to have none, and a named profile keeps it out of the process environment and shell
 * history). Profiles are read with fromIni from AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE of
 * the `env` argument, else the SDK's defaults (~/.aws/credentials, ~/.aws/config).
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

/** The SDK's variables naming the shared files a profile is read from. */
export const SHARED_FILES_ENV = { credentials: "AWS_SHARED_CREDENTIALS_FILE", config: "AWS_CONFIG_FILE" } as const;

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

/** The credentials of a named profile, from the shared files `env` names (re-read each time), or why not. */
export async function profileCredentials(env: NodeJS.ProcessEnv, profile: string): Promise<Credentials | { na: string }> {
  const filepath = env[SHARED_FILES_ENV.credentials];
  const configFilepath = env[SHARED_FILES_ENV.config];
  try {
    return strip(await fromIni({ profile, ignoreCache: true, ...(filepath ? { filepath } : {}), ...(configFilepath ? { configFilepath } : {}) })());
  } catch (err) {
    return { na: `${ROOT_ENV.profile}=${profile}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Root credentials of the endpoint target from CONFORMANCE_ROOT_* (keys first, then the profile), or why there are none. */
export async function rootCredentials(env: NodeJS.ProcessEnv): Promise<Credentials | { na: string }> {
  const id = env[ROOT_ENV.accessKeyId];
  const secret = env[ROOT_ENV.secretAccessKey];
  if (id && secret) return strip({ accessKeyId: id, secretAccessKey: secret, sessionToken: env[ROOT_ENV.sessionToken] });
  const profile = env[ROOT_ENV.profile];
  if (profile) return profileCredentials(env, profile);
  return { na: `no root credentials: set ${ROOT_ENV.accessKeyId}/${ROOT_ENV.secretAccessKey} or ${ROOT_ENV.profile}` };
}

/** The sentence that starts every reason the aws target gives for having no Root. */
export const AWS_ROOT_FROM_PROFILE_ONLY = `the aws target takes Root only from a named profile: set ${ROOT_ENV.profile} to a profile holding the root user's access key`;

/** Root credentials of the aws target: the profile CONFORMANCE_ROOT_PROFILE only; root keys in variables are refused, saying so. */
export async function awsRootCredentials(env: NodeJS.ProcessEnv): Promise<Credentials | { na: string }> {
  const profile = env[ROOT_ENV.profile];
  if (profile) return profileCredentials(env, profile);
  if (env[ROOT_ENV.accessKeyId]) {
    return { na: `${AWS_ROOT_FROM_PROFILE_ONLY} (${ROOT_ENV.accessKeyId} is not used on aws: move the key into a profile of ${SHARED_FILES_ENV.credentials} or ~/.aws/credentials)` };
  }
  return { na: AWS_ROOT_FROM_PROFILE_ONLY };
}
