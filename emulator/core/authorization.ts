/**
 * IAM authorization at the front door: a principal whose directory entry denies `inspector:<Operation>`
 * gets AccessDeniedException, recorded in CloudTrail like any failed call. The message follows IAM's
 * documented form ("User: <arn> is not authorized to perform: <action> on resource: <resource>
 * because no identity-based policy allows the <action> action";
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
 */
import type { ServiceError } from "./types.js";

/**
 * The AccessDeniedException an IAM denial produces: HTTP 400 for Inspector Classic (its API reference
 * gives 400 for every client error), 403 where the model says so (inspector2's AccessDeniedException).
 */
export function accessDenied(callerArn: string, action: string, resource = "*", status = 400): ServiceError {
  return {
    type: "AccessDeniedException",
    status,
    message: `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} with an explicit deny in an identity-based policy`,
  };
}
