/**
 * The front door answers every malformed request with an AWS-style error and keeps running; what
 * reaches CloudTrail follows docs/emulator.md, "What the emulator records".
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_USER_ACCESS_KEY } from "../../emulator/accounts/index.js";
import { createRouter } from "../../emulator/core/router.js";
import type { WireRequest } from "../../emulator/core/types.js";
import { createEmulator } from "../../emulator/emulator.js";
import { startHttpServer } from "../../emulator/transports/http-server.js";
import { inspectorRequest, signed } from "./auth/signing.js";

const body = (text: string) => JSON.parse(text) as Record<string, unknown>;

async function signedInspector(target: string, payload: string, contentType = "application/x-amz-json-1.1"): Promise<WireRequest> {
  const req = inspectorRequest("us-west-2", payload);
  req.headers["x-amz-target"] = target;
  req.headers["content-type"] = contentType;
  return signed(req, DEFAULT_USER_ACCESS_KEY, new Date());
}

describe("front door", () => {
  it("answers malformed JSON for a known operation with SerializationException and records it", async () => {
    const emulator = createEmulator();
    const res = await emulator.handle(await signedInspector("InspectorService.CreateResourceGroup", "{not json"));
    expect(res.status).toBe(400);
    expect(body(res.body)["__type"]).toBe("SerializationException");
    const records = emulator.cloudtrail.records();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ eventName: "CreateResourceGroup", errorCode: "SerializationException", requestParameters: null });
    expect(records[0]!.requestID).toBe(res.headers["x-amzn-requestid"]);
  });

  it("answers a JSON body that is not an object with SerializationException", async () => {
    const emulator = createEmulator();
    const res = await emulator.handle(await signedInspector("InspectorService.ListRulesPackages", "[1,2]"));
    expect(body(res.body)["__type"]).toBe("SerializationException");
  });

  it("answers an unknown operation with UnknownOperationException and records nothing", async () => {
    const emulator = createEmulator();
    const res = await emulator.handle(await signedInspector("InspectorService.DoesNotExist", "{}"));
    expect(res.status).toBe(400);
    expect(body(res.body)["__type"]).toBe("UnknownOperationException");
    expect(emulator.cloudtrail.records()).toHaveLength(0);
  });

  it("answers an unknown service prefix and a missing target with UnknownOperationException", async () => {
    const emulator = createEmulator();
    const other = await emulator.handle(await signedInspector("DynamoDB_20120810.ListTables", "{}"));
    expect(body(other.body)["__type"]).toBe("UnknownOperationException");
    const req = inspectorRequest("us-west-2", "{}");
    delete req.headers["x-amz-target"];
    const missing = await emulator.handle(req);
    expect(body(missing.body)).toMatchObject({ __type: "UnknownOperationException" });
    expect(String(body(missing.body)["message"])).toContain("X-Amz-Target");
  });

  it("answers a wrong content type with 415 UnsupportedMediaTypeException", async () => {
    const emulator = createEmulator();
    const res = await emulator.handle(await signedInspector("InspectorService.ListRulesPackages", "{}", "text/plain"));
    expect(res.status).toBe(415);
    expect(body(res.body)["__type"]).toBe("UnsupportedMediaTypeException");
  });

  it("answers an oversized body with 413 and a non-POST with 405, recording nothing", async () => {
    const emulator = createEmulator({ maxBodyBytes: 2048 });
    const big = await emulator.handle(await signedInspector("InspectorService.CreateResourceGroup", JSON.stringify({ x: "a".repeat(5000) })));
    expect(big.status).toBe(413);
    expect(body(big.body)["__type"]).toBe("RequestEntityTooLargeException");
    const get = await emulator.handle({ ...inspectorRequest(), method: "GET" });
    expect(get.status).toBe(405);
    expect(emulator.cloudtrail.records()).toHaveLength(0);
  });

  it("does not record a call that fails authentication", async () => {
    const emulator = createEmulator();
    const res = await emulator.handle(inspectorRequest());
    expect(res.status).toBe(403);
    expect(body(res.body)["__type"]).toBe("MissingAuthenticationTokenException");
    expect(emulator.cloudtrail.records()).toHaveLength(0);
  });

  it("answers a request signed for another service with InvalidSignatureException", async () => {
    const emulator = createEmulator();
    const req = inspectorRequest("us-west-2", "{}");
    const res = await emulator.handle(await signed(req, DEFAULT_USER_ACCESS_KEY, new Date(), "cloudtrail"));
    expect(res.status).toBe(400);
    expect(body(res.body)).toMatchObject({ __type: "InvalidSignatureException" });
    expect(emulator.cloudtrail.records()).toHaveLength(0);
  });

  it("answers STS errors in XML, including authentication failures", async () => {
    const emulator = createEmulator();
    const res = await emulator.handle({
      method: "POST",
      url: "https://sts.amazonaws.com/",
      headers: { host: "sts.amazonaws.com", "content-type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
      sourceIp: "127.0.0.1",
    });
    expect(res.headers["content-type"]).toBe("text/xml");
    expect(res.body).toContain("<Code>MissingAuthenticationToken</Code>");
  });

  it("turns an exception inside a service into InternalFailure instead of crashing", async () => {
    const handle = createRouter({
      authenticate: () => {
        throw new Error("boom");
      },
      deniedCaller: () => undefined,
      inspector: { has: () => true, call: () => ({ ok: true, output: {} }) },
      cloudtrail: { call: () => ({ ok: true, output: {} }), record: () => undefined },
      sts: { handle: () => ({ status: 200, headers: {}, body: "" }), authError: (e) => e },
    });
    const res = await handle(inspectorRequest());
    expect(res.status).toBe(500);
    expect(body(res.body)).toMatchObject({ __type: "InternalFailure" });
    expect(String(body(res.body)["message"])).toContain("boom");
  });

  it("keeps the loopback server alive after garbage requests", async () => {
    const emulator = createEmulator({ maxBodyBytes: 4096 });
    const server = await startHttpServer(emulator.handle, { host: "127.0.0.1", port: 0, maxBodyBytes: 4096 });
    try {
      const garbage = await fetch(server.endpoint, { method: "POST", body: "\u0000\u0001garbage" });
      expect(garbage.status).toBe(400);
      const huge = await fetch(server.endpoint, {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "InspectorService.ListRulesPackages" },
        body: "x".repeat(100_000),
      });
      expect(huge.status).toBe(413);
      const after = await fetch(server.endpoint, { method: "GET" });
      expect(after.status).toBe(405);
    } finally {
      await server.close();
      await emulator.close();
    }
  });
});
