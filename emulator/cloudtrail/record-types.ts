/**
 * The CloudTrail record the emulator writes for an Inspector call (Classic or v2), as a plain TypeScript type.
 * Field names and order follow AWS's record-contents page and its examples
 * (reference: cloudtrail-and-inspector-facts.md section 2 "Field ordering").
 */

/** `sessionContext.attributes`: both values are strings in AWS records (facts section 3.2). */
export interface SessionAttributes {
  /** ISO-8601 UTC without fractional seconds, e.g. `2016-04-14T17:05:54Z`. */
  creationDate: string;
  /** `"true"` or `"false"` (a string, not a boolean). */
  mfaAuthenticated: "true" | "false";
}

/** `sessionContext.sessionIssuer`: who issued the temporary credentials. */
export interface SessionIssuer {
  type: "Role" | "IAMUser" | "Root";
  principalId: string;
  arn: string;
  accountId: string;
  /** Role name, IAM user name, or the root alias; absent for a root user without alias. */
  userName?: string;
}

/** `userIdentity.sessionContext` for temporary credentials. */
export interface SessionContext {
  sessionIssuer: SessionIssuer;
  webIdFederationData?: Record<string, never>;
  attributes: SessionAttributes;
  sourceIdentity?: string;
}

/** `userIdentity` of a record, for the four principal kinds the emulator authenticates. */
export interface UserIdentity {
  type: "Root" | "IAMUser" | "AssumedRole" | "FederatedUser";
  principalId: string;
  arn: string;
  accountId: string;
  accessKeyId: string;
  /** IAM user name, or a root alias; absent for AssumedRole, FederatedUser and Root without alias. */
  userName?: string;
  sessionContext?: SessionContext;
}

/** One CloudTrail record for an Inspector API call, Classic or v2 (eventVersion 1.11). */
export interface CloudTrailRecord {
  eventVersion: string;
  userIdentity: UserIdentity;
  /** ISO-8601 UTC, whole seconds: `YYYY-MM-DDTHH:mm:ssZ`. */
  eventTime: string;
  /** `inspector.amazonaws.com` (Classic) or `inspector2.amazonaws.com` (v2). */
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  /** The error's type name; present only on failed calls. */
  errorCode?: string;
  /** The error's message; present only on failed calls. */
  errorMessage?: string;
  requestParameters: unknown;
  responseElements: Record<string, unknown> | null;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  eventType: "AwsApiCall";
  /** Present on Classic records (`v20160216`); v2 records carry none. */
  apiVersion?: string;
  managementEvent: true;
  recipientAccountId: string;
  eventCategory: "Management";
}
