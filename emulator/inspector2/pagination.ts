/**
 * nextToken/maxResults paging of inspector2 listings, as its paginators file names the members.
 * Tokens are opaque (emulator/core/page-token.ts) and bound to their operation; a token that is not
 * one gives ValidationException. Page size: maxResults, or the emulator's default of 50, never more
 * than the model's maximum for the limit member or for the output list.
 */
import { inspector2Model, inspector2Paginators } from "../../model/inspector2-model.js";
import { shapeOf } from "../../model/service-model.js";
import { decodePageToken, encodePageToken } from "../core/page-token.js";
import { invalid } from "./errors.js";

/** Default page size where the caller gives no maxResults (emulator choice; AWS documents none). */
export const DEFAULT_PAGE_SIZE = 50;

function memberMax(shapeName: string | undefined, member: string | undefined): number | undefined {
  if (shapeName === undefined || member === undefined) return undefined;
  const ref = shapeOf(inspector2Model, shapeName).members?.[member];
  return ref === undefined ? undefined : shapeOf(inspector2Model, ref.shape).max;
}

/** The largest page `operation` may return. */
export function pageLimit(operation: string): number {
  const op = inspector2Model.operations[operation];
  const paginator = inspector2Paginators[operation];
  const resultKey = Array.isArray(paginator?.result_key) ? paginator?.result_key[0] : paginator?.result_key;
  const limits = [memberMax(op?.input?.shape, paginator?.limit_key), memberMax(op?.output?.shape, resultKey)].filter((n): n is number => n !== undefined);
  return Math.min(...limits, Number.MAX_SAFE_INTEGER);
}

/** The page of `items` a request asks for, and the token of the next page when there is one. */
export function paginate<T>(operation: string, items: readonly T[], request: { nextToken?: unknown; maxResults?: unknown }): { items: T[]; nextToken?: string } {
  let offset = 0;
  if (typeof request.nextToken === "string" && request.nextToken !== "") {
    const decoded = decodePageToken(operation, request.nextToken);
    if (decoded === undefined) throw invalid(`The nextToken is not valid for ${operation}: pass the nextToken of a previous ${operation} response.`, "nextToken");
    offset = decoded;
  }
  const limit = pageLimit(operation);
  const asked = typeof request.maxResults === "number" ? request.maxResults : DEFAULT_PAGE_SIZE;
  const size = Math.max(1, Math.min(asked, limit));
  const page = items.slice(offset, offset + size);
  return offset + size < items.length ? { items: page, nextToken: encodePageToken(operation, offset + size) } : { items: page };
}

/** `{[member]: page, nextToken?}`: the output of a paginated operation. */
export function listPage<T>(operation: string, member: string, items: readonly T[], request: { nextToken?: unknown; maxResults?: unknown }): Record<string, unknown> {
  const page = paginate(operation, items, request);
  return { [member]: page.items, ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}) };
}
