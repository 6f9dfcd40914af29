/**
 * Raw rest-json requests over loopback, signed with the SDK's SigV4 signer as the AWS CLI sends them
 * (path labels percent-encoded, repeated query keys, JSON bodies, no body on GET and DELETE): the
 * router finds the operation by method and path, binds path, query and body members, answers in
 * rest-json framing, and records exactly what the rules say; requests that are not calls of an
 * operation, or do not authenticate, get an error and no record.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import type { WireRequest } from "../../../emulator/core/types.js";
import { createEmulator, type Emulator } from "../../../emulator/emulator.js";
import { startHttpServer, type RunningServer } from "../../../emulator/transports/http-server.js";
import { signed } from "../auth/signing.js";

let emulator: Emulator;
let server: RunningServer;

beforeAll(async () => {
  emulator = createEmulator();
  server = await startHttpServer(emulator.handle, { host: "127.0.0.1", port: 0, maxBodyBytes: 1024 * 1024 });
});
afterAll(async () => {
  await server.close();
  await emulator.close();
});

/** A request as the AWS CLI builds it, to the loopback server. */
function cliRequest(method: string, pathAndQuery: string, body?: unknown): WireRequest {
  const text = body === undefined ? "" : JSON.stringify(body);
  const host = new URL(server.endpoint).host;
  return {
    method,
    url: `${server.endpoint}${pathAndQuery}`,
    headers: { host, "user-agent": "aws-cli/2.22.0 Python/3.12.6 Linux/6 exe/x86_64 command/inspector2.list-filters", ...(body === undefined ? {} : { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) }) },
    body: text,
    sourceIp: "127.0.0.1",
  };
}

async function sendRaw(req: WireRequest, sign: { service?: string } | false = {}): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const ready = sign === false ? req : await signed(req, DEFAULT_USER_ACCESS_KEY, new Date(), sign.service ?? "inspector2", "us-east-1");
  const { host: _host, "content-length": _length, ...headers } = ready.headers;
  const res = await fetch(ready.url, { method: ready.method, headers, ...(ready.body !== "" ? { body: ready.body } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

const recordOf = (requestId: string | null) => emulator.records("inspector2").filter((r) => r.requestID === requestId);

describe("raw rest-json requests, as the AWS CLI sends them", () => {
  let filterArn = "";

  it("CreateFilter: POST /filters/create with a JSON body", async () => {
    const res = await sendRaw(cliRequest("POST", "/filters/create", { name: "cli-filter", action: "NONE", filterCriteria: { severity: [{ comparison: "EQUALS", value: "HIGH" }] } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    filterArn = String(res.body["arn"]);
    expect(filterArn).toMatch(/^arn:aws:inspector2:us-east-1:111122223333:owner\/111122223333\/filter\/[0-9a-f]{16}$/);
    const [record] = recordOf(res.headers.get("x-amzn-requestid"));
    expect(record).toMatchObject({ eventName: "CreateFilter", readOnly: false, responseElements: { arn: filterArn }, requestParameters: { name: "cli-filter", action: "NONE" } });
    expect(record!.userAgent).toContain("aws-cli/2.22.0");
  });

  it("TagResource, UntagResource and ListTagsForResource with the ARN percent-encoded in the path", async () => {
    const path = `/tags/${encodeURIComponent(filterArn)}`;
    const tag = await sendRaw(cliRequest("POST", path, { tags: { team: "sec", owner: "cli" } }));
    expect(tag.status).toBe(200);
    expect(tag.body).toEqual({});
    expect(recordOf(tag.headers.get("x-amzn-requestid"))[0]).toMatchObject({ requestParameters: { resourceArn: filterArn, tags: { team: "sec", owner: "cli" } }, responseElements: null });

    const untag = await sendRaw(cliRequest("DELETE", `${path}?tagKeys=team&tagKeys=nothing`));
    expect(untag.status).toBe(200);
    expect(recordOf(untag.headers.get("x-amzn-requestid"))[0]).toMatchObject({ eventName: "UntagResource", requestParameters: { resourceArn: filterArn, tagKeys: ["team", "nothing"] } });

    const list = await sendRaw(cliRequest("GET", path));
    expect(list.body).toEqual({ tags: { owner: "cli" } });
    expect(recordOf(list.headers.get("x-amzn-requestid"))[0]).toMatchObject({ eventName: "ListTagsForResource", readOnly: true, requestParameters: { resourceArn: filterArn }, responseElements: null });
  });

  it("GetEncryptionKey: GET with query members, typed by the model", async () => {
    const res = await sendRaw(cliRequest("GET", "/encryptionkey/get?scanType=CODE&resourceType=CODE_REPOSITORY"));
    expect(res.status).toBe(404);
    expect(res.headers.get("x-amzn-errortype")).toBe("ResourceNotFoundException");
    expect(Object.keys(res.body)).toEqual(["message"]);
    expect(recordOf(res.headers.get("x-amzn-requestid"))[0]).toMatchObject({ errorCode: "ResourceNotFoundException", requestParameters: { scanType: "CODE", resourceType: "CODE_REPOSITORY" } });
  });

  it("ListCodeSecurityIntegrations: an integer query member that is not an integer is CANNOT_PARSE", async () => {
    const res = await sendRaw(cliRequest("POST", "/codesecurity/integration/list?maxResults=ten"));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ reason: "CANNOT_PARSE", fields: [{ name: "maxResults" }] });
    expect(recordOf(res.headers.get("x-amzn-requestid"))[0]).toMatchObject({ errorCode: "ValidationException", requestParameters: null });
  });

  it("a body that is not JSON is CANNOT_PARSE, recorded with requestParameters null", async () => {
    const req = cliRequest("POST", "/filters/list", {});
    req.body = "{not json";
    req.headers["content-length"] = String(req.body.length);
    const res = await sendRaw(req);
    expect(res.status).toBe(400);
    expect(res.headers.get("x-amzn-errortype")).toBe("ValidationException");
    expect(res.body["reason"]).toBe("CANNOT_PARSE");
    expect(recordOf(res.headers.get("x-amzn-requestid"))[0]).toMatchObject({ eventName: "ListFilters", errorCode: "ValidationException", requestParameters: null });
  });

  it("answers, and does not record, requests that are not calls of an operation or do not authenticate", async () => {
    const before = emulator.records().length;
    const unknown = await sendRaw(cliRequest("POST", "/filters/explode", {}));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    const wrongMethod = await sendRaw(cliRequest("GET", "/filters/list"));
    expect(wrongMethod.status).toBe(405);
    const otherService = await sendRaw(cliRequest("POST", "/filters/list", {}), { service: "inspector" });
    expect(otherService.status).toBe(400);
    expect(otherService.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
    const unsigned = await sendRaw(cliRequest("POST", "/filters/list", {}), false);
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(emulator.records().length).toBe(before);
  });
});
