/** StsService on raw forms: protocol-level answers the SDK cannot be made to send. */
import { describe, expect, it } from "vitest";
import { defaultAccountDirectory, DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { SessionStore } from "../../../emulator/auth/index.js";
import { StsService } from "../../../emulator/sts/index.js";
import { escapeXml } from "../../../emulator/sts/sts-xml.js";

const directory = defaultAccountDirectory();
const user = directory.lookupAccessKey(DEFAULT_USER_ACCESS_KEY.accessKeyId)!.principal;
const sts = new StsService(directory, new SessionStore(), () => new Date("2026-05-01T12:00:00.750Z"));

describe("StsService.handle", () => {
  it("answers InvalidAction for an unknown action or version", () => {
    const res = sts.handle(new URLSearchParams("Action=DeleteEverything&Version=2011-06-15"), user, "req-1");
    expect(res.status).toBe(400);
    expect(res.body).toBe(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidAction</Code>' +
        "<Message>Could not find operation DeleteEverything for version 2011-06-15</Message></Error><RequestId>req-1</RequestId></ErrorResponse>",
    );
    expect(sts.handle(new URLSearchParams("Action=GetCallerIdentity&Version=2010-01-01"), user, "r").body).toContain("<Code>InvalidAction</Code>");
    expect(sts.handle(new URLSearchParams("Version=2011-06-15"), user, "r").body).toContain("<Code>MissingAction</Code>");
  });

  it("reports a missing required parameter as 'must not be null'", () => {
    const res = sts.handle(new URLSearchParams("Action=AssumeRole&Version=2011-06-15&RoleSessionName=s1"), user, "r");
    expect(res.body).toContain(
      "<Message>1 validation error detected: Value null at &apos;roleArn&apos; failed to satisfy constraint: Member must not be null</Message>",
    );
  });

  it("prints Expiration in whole seconds and escapes XML", () => {
    const res = sts.handle(new URLSearchParams("Action=GetFederationToken&Version=2011-06-15&Name=bob&DurationSeconds=900"), user, "r");
    expect(res.body).toContain("<Expiration>2026-05-01T12:15:00Z</Expiration>");
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  });

  it("answers AccessDenied when the directory denies sts:AssumeRole", () => {
    const dir = defaultAccountDirectory();
    dir.findUser("111122223333", "conformance-user")!.deny.push("sts:AssumeRole");
    const service = new StsService(dir, new SessionStore());
    const res = service.handle(
      new URLSearchParams({ Action: "AssumeRole", Version: "2011-06-15", RoleArn: "arn:aws:iam::111122223333:role/ConformanceRole", RoleSessionName: "s1" }),
      user,
      "r",
    );
    expect(res.status).toBe(403);
    expect(res.body).toContain("<Code>AccessDenied</Code>");
  });
});
