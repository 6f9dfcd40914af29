/**
 * nextToken/maxResults paging. Tokens are opaque to callers: base64url of `{op, offset}`, bound to
 * the operation that issued them; anything else is InvalidInputException INVALID_PAGINATION_TOKEN
 * (the model's InvalidInputErrorCode for tokens). Page size: maxResults (validated 1..500 by the
 * input schema), or the documented default, capped by the output list's model maximum (for
 * example ListReturnedArnList max 100).
 */
import { inspectorModel, shapeOf } from "../../model/service-model.js";
import { decodePageToken, encodePageToken } from "../core/page-token.js";
import { invalidInput } from "./errors.js";

/** Paging request members and the operation's page limits. */
export interface PageRequest {
  operation: string;
  nextToken?: string | null;
  maxResults?: number | null;
  /** Documented default page size: 10, or 100 for ListExclusions and GetExclusionsPreview. */
  defaultSize: number;
  /** Largest list the output shape allows. */
  outputMax: number;
}

/** One page and the token for the next one (absent on the last page). */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Encodes an offset as an opaque token for `operation`. */
export const encodeToken = encodePageToken;

function decodeToken(operation: string, token: string): number {
  const offset = decodePageToken(operation, token);
  if (offset === undefined) throw invalidInput("INVALID_PAGINATION_TOKEN", `The nextToken '${token}' is not valid for ${operation}.`);
  return offset;
}

/** The page of `items` that `request` asks for. */
export function paginate<T>(items: readonly T[], request: PageRequest): Page<T> {
  const offset = request.nextToken == null ? 0 : decodeToken(request.operation, request.nextToken);
  const size = Math.min(request.maxResults ?? request.defaultSize, request.outputMax);
  const end = offset + size;
  const page = items.slice(offset, end);
  return end < items.length ? { items: page, nextToken: encodeToken(request.operation, end) } : { items: page };
}

/** The model's maximum size of list member `member` of `operation`'s output (100 when unbounded). */
export function outputListMax(operation: string, member: string): number {
  const out = inspectorModel.operations[operation]?.output?.shape;
  const ref = out === undefined ? undefined : shapeOf(inspectorModel, out).members?.[member]?.shape;
  return (ref === undefined ? undefined : shapeOf(inspectorModel, ref).max) ?? 100;
}

/**
 * The output of a paginated operation: `{[member]: page, nextToken?}`, with the page size capped by
 * the model's maximum for `member`.
 */
export function listPage<T>(
  operation: string,
  member: string,
  items: readonly T[],
  paging: { nextToken?: string | null; maxResults?: number | null },
  defaultSize = 10,
): Record<string, unknown> {
  const page = paginate(items, {
    operation,
    nextToken: paging.nextToken,
    maxResults: paging.maxResults,
    defaultSize,
    outputMax: outputListMax(operation, member),
  });
  return { [member]: page.items, ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}) };
}
