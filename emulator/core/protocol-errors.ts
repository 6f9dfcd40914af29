/**
 * Errors the emulator's front door answers before any service runs: a request that is not a
 * well-formed call. Named as AWS JSON services name them; none of these produces a CloudTrail record
 * except SerializationException for a known Inspector operation (see docs/emulator.md, "What the emulator records").
 */
import type { ServiceError } from "./types.js";

/** `X-Amz-Target` missing, or names an operation the service does not have. */
export const unknownOperation = (target: string | undefined): ServiceError => ({
  type: "UnknownOperationException",
  status: 400,
  message:
    target === undefined
      ? "Missing X-Amz-Target header: send InspectorService.<Operation> or com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Operation>"
      : `Unknown operation ${target}`,
});

/** The body is not valid JSON (or not a JSON object). */
export const serializationError = (detail: string): ServiceError => ({
  type: "SerializationException",
  status: 400,
  message: `Could not parse the request body as a JSON object: ${detail}`,
});

/** Content-Type is not a JSON content type on a JSON 1.1 target. */
export const unsupportedMediaType = (contentType: string | undefined): ServiceError => ({
  type: "UnsupportedMediaTypeException",
  status: 415,
  message: `Content-Type ${contentType ?? "(none)"} is not supported: send application/x-amz-json-1.1`,
});

/** The body is larger than the emulator accepts. */
export const requestTooLarge = (bytes: number, limit: number): ServiceError => ({
  type: "RequestEntityTooLargeException",
  status: 413,
  message: `Request body of ${bytes} bytes exceeds the limit of ${limit} bytes`,
});

/** Anything but POST. */
export const methodNotAllowed = (method: string): ServiceError => ({
  type: "MethodNotAllowedException",
  status: 405,
  message: `Method ${method} is not allowed: AWS JSON and Query protocol calls are POST /`,
});

/** A bug in the emulator itself; the request is answered, the process survives. */
export const internalFailure = (detail: string): ServiceError => ({
  type: "InternalFailure",
  status: 500,
  message: `The reference emulator failed while handling this request: ${detail}`,
});

/** The SigV4 credential scope names another service than the one addressed. */
export const wrongSigningService = (signed: string, addressed: string): ServiceError => ({
  type: "InvalidSignatureException",
  status: 400,
  message: `Credential should be scoped to correct service: '${addressed}' (the request was signed for '${signed}').`,
});
