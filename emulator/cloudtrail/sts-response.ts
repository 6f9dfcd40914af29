/**
 * Reads the STS Query-protocol XML response back into the values a CloudTrail record logs. The
 * recorder works from the response as sent, like the Inspector recorder works from the body as sent,
 * so it needs nothing from inside the STS service. Parsed with fast-xml-parser, validated with zod.
 */
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";

/** An STS answer as CloudTrail logs it: the result elements, or the error's code and message. */
export type StsOutcome =
  | {
      ok: true;
      credentials: { accessKeyId: string; sessionToken: string; expiration: Date };
      assumedRoleUser?: { assumedRoleId: string; arn: string };
      federatedUser?: { federatedUserId: string; arn: string };
      packedPolicySize?: number;
      sourceIdentity?: string;
    }
  | { ok: false; errorCode: string; errorMessage: string };

const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, trimValues: false });

const text = z.string();
const resultSchema = z.object({
  Credentials: z.object({ AccessKeyId: text, SessionToken: text, Expiration: text }),
  AssumedRoleUser: z.object({ AssumedRoleId: text, Arn: text }).optional(),
  FederatedUser: z.object({ FederatedUserId: text, Arn: text }).optional(),
  PackedPolicySize: z.coerce.number().int().optional(),
  SourceIdentity: text.optional(),
});
const errorSchema = z.object({ ErrorResponse: z.object({ Error: z.object({ Code: text, Message: text.default("") }) }) });

/**
 * The outcome of `action` from its XML response body; undefined when the body is neither the
 * action's result with credentials nor an STS error (nothing a record could be built from).
 */
export function parseStsOutcome(action: string, xml: string): StsOutcome | undefined {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    return undefined;
  }
  const error = errorSchema.safeParse(doc);
  if (error.success) return { ok: false, errorCode: error.data.ErrorResponse.Error.Code, errorMessage: error.data.ErrorResponse.Error.Message };
  const result = z
    .object({ [`${action}Response`]: z.object({ [`${action}Result`]: resultSchema }) })
    .safeParse(doc);
  if (!result.success) return undefined;
  const r = (result.data[`${action}Response`] as Record<string, z.infer<typeof resultSchema>>)[`${action}Result`]!;
  const expiration = new Date(r.Credentials.Expiration);
  if (Number.isNaN(expiration.getTime())) return undefined;
  return {
    ok: true,
    credentials: { accessKeyId: r.Credentials.AccessKeyId, sessionToken: r.Credentials.SessionToken, expiration },
    ...(r.AssumedRoleUser ? { assumedRoleUser: { assumedRoleId: r.AssumedRoleUser.AssumedRoleId, arn: r.AssumedRoleUser.Arn } } : {}),
    ...(r.FederatedUser ? { federatedUser: { federatedUserId: r.FederatedUser.FederatedUserId, arn: r.FederatedUser.Arn } } : {}),
    ...(r.PackedPolicySize !== undefined ? { packedPolicySize: r.PackedPolicySize } : {}),
    ...(r.SourceIdentity !== undefined ? { sourceIdentity: r.SourceIdentity } : {}),
  };
}
