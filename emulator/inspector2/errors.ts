/**
 * Inspector v2's modelled errors as data, with the HTTP status of each error shape
 * (`error.httpStatusCode` in the model): AccessDeniedException 403, BadRequestException 400,
 * ConflictException 409, InternalServerException 500, ResourceNotFoundException 404,
 * ServiceQuotaExceededException 402, ThrottlingException 429, ValidationException 400. Handlers throw
 * a ServiceFailure; the service turns it into a ServiceResult. Body members other than `message`
 * (reason, fields, resourceId, resourceType) travel in the body; `retryAfterSeconds` is the
 * `Retry-After` header, as the model binds it.
 */
import { inspector2Model } from "../../model/inspector2-model.js";
import { shapeOf } from "../../model/service-model.js";
import { ServiceFailure } from "../core/service-failure.js";
import type { ServiceError } from "../core/types.js";

export { ServiceFailure };

/** The HTTP status the model gives error shape `type`. */
export function statusOf(type: string): number {
  return shapeOf(inspector2Model, type).error?.httpStatusCode ?? 400;
}

const error = (type: string, message: string, fields?: Record<string, unknown>, headers?: Record<string, string>): ServiceError => ({
  type,
  status: statusOf(type),
  message,
  ...(fields !== undefined ? { fields } : {}),
  ...(headers !== undefined ? { headers } : {}),
});

/** ValidationException's `reason` values (ValidationExceptionReason). */
export type ValidationReason = "CANNOT_PARSE" | "FIELD_VALIDATION_FAILED" | "OTHER";

/** One entry of ValidationException `fields`. */
export interface ValidationField {
  name: string;
  message: string;
}

/** ValidationException with its reason and (when members are to blame) fields. */
export const validationError = (message: string, reason: ValidationReason, fields?: readonly ValidationField[]): ServiceError =>
  error("ValidationException", message, { reason, ...(fields !== undefined && fields.length > 0 ? { fields: fields.map((f) => ({ ...f })) } : {}) });

/** Raises ValidationException (reason OTHER unless given) about one member. */
export const invalid = (message: string, member?: string, reason: ValidationReason = "OTHER"): ServiceFailure =>
  new ServiceFailure(validationError(message, reason, member !== undefined ? [{ name: member, message }] : undefined));

/** ResourceNotFoundException. */
export const notFound = (message: string): ServiceFailure => new ServiceFailure(error("ResourceNotFoundException", message));

/** ConflictException naming the conflicting resource. */
export const conflict = (message: string, resourceId: string, resourceType: string): ServiceFailure =>
  new ServiceFailure(error("ConflictException", message, { resourceId, resourceType }));

/** ServiceQuotaExceededException naming the resource over its quota. */
export const quotaExceeded = (message: string, resourceId: string): ServiceFailure =>
  new ServiceFailure(error("ServiceQuotaExceededException", message, { resourceId }));

/** BadRequestException. */
export const badRequest = (message: string): ServiceFailure => new ServiceFailure(error("BadRequestException", message));

/** AccessDeniedException (HTTP 403) as data. */
export const accessDeniedError = (message: string): ServiceError => error("AccessDeniedException", message);

/** Raises AccessDeniedException. */
export const accessDenied = (message: string): ServiceFailure => new ServiceFailure(accessDeniedError(message));

/** ThrottlingException with `Retry-After`. */
export const throttling = (retryAfterSeconds: number): ServiceError =>
  error("ThrottlingException", "Rate exceeded: slow down and retry after the Retry-After seconds.", undefined, { "retry-after": String(retryAfterSeconds) });

/** InternalServerException (HTTP 500): an emulator bug surfaced as AWS would surface a server fault. */
export const internalError = (detail: string): ServiceError => error("InternalServerException", `Internal error in the reference emulator: ${detail}`);
