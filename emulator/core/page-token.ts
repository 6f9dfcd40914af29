/**
 * Opaque nextToken values shared by the emulated services: base64url of `{op, offset}`, bound to
 * the operation that issued them. A token is accepted only in the exact form this module writes.
 */
import { z } from "zod";

const TokenBody = z.object({ op: z.string(), offset: z.int().min(0) });

/** Encodes an offset into `operation`'s listing as an opaque token. */
export const encodePageToken = (operation: string, offset: number): string =>
  Buffer.from(JSON.stringify({ op: operation, offset })).toString("base64url");

/** The offset a token of `operation` carries; undefined for anything this module did not issue for it. */
export function decodePageToken(operation: string, token: string): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const body = TokenBody.safeParse(parsed);
  if (!body.success || body.data.op !== operation || encodePageToken(operation, body.data.offset) !== token) return undefined;
  return body.data.offset;
}
