import { createSign } from "node:crypto";
import { createOracleClient } from "@lethe/connector-testkit";
import { Connection } from "jsforce";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSalesforceSandbox } from "./start-sandbox";

/*
 * Other people's client against the sandbox: jsforce 3, unchanged (its own HTTP transport, its
 * own OAuth2 client, its own query paging), as an integrator would use it.
 */

let sandbox: Awaited<ReturnType<typeof startSalesforceSandbox>>;

beforeAll(async () => {
  sandbox = await startSalesforceSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => createOracleClient(sandbox.url).reset());

async function clientCredentialsConnection(): Promise<Connection> {
  const { clientId, clientSecret } = sandbox.credentials as { clientId: string; clientSecret: string };
  const connection = new Connection({ oauth2: { loginUrl: sandbox.url, clientId, clientSecret }, version: "62.0" });
  await connection.authorize({ grant_type: "client_credentials" });
  return connection;
}

describe("jsforce 3 against the sandbox", () => {
  it("logs in with the client-credentials flow and with a JWT bearer assertion", async () => {
    const connection = await clientCredentialsConnection();
    expect(connection.instanceUrl).toBe(sandbox.url);
    expect(connection.userInfo?.organizationId).toMatch(/^00D/);

    const jwt = sandbox.jwtCredentials as { clientId: string; username: string; privateKey: string };
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const unsigned = `${encode({ alg: "RS256" })}.${encode({ iss: jwt.clientId, sub: jwt.username, aud: "https://login.salesforce.com", exp: Math.floor(Date.now() / 1000) + 180 })}`;
    const assertion = `${unsigned}.${createSign("RSA-SHA256").update(unsigned).sign(jwt.privateKey, "base64url")}`;
    const bearer = new Connection({ oauth2: { loginUrl: sandbox.url }, version: "62.0" });
    await bearer.authorize({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion });
    expect((await bearer.limits()).DailyApiRequests?.Max).toBe(100_000);
  });

  it("surfaces a refused grant as jsforce's OAuth error", async () => {
    const { clientId } = sandbox.credentials as { clientId: string };
    const connection = new Connection({ oauth2: { loginUrl: sandbox.url, clientId, clientSecret: "wrong" }, version: "62.0" });
    await expect(connection.authorize({ grant_type: "client_credentials" })).rejects.toMatchObject({ name: "invalid_client" });
  });

  it("queries, follows nextRecordsUrl with queryMore and with autoFetch, and sees the Recycle Bin with queryAll", async () => {
    const connection = await clientCredentialsConnection();
    const first = await connection.query<{ Id: string; Description: string }>("SELECT Id, Description FROM Task");
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(200);
    const locator = first.nextRecordsUrl;
    if (!locator) throw new Error("no nextRecordsUrl");
    const second = await connection.queryMore(locator);
    expect(second.records.length).toBeGreaterThan(0);
    const all = await connection.query("SELECT Id, Description FROM Task", { autoFetch: true, maxFetch: 100_000 });
    expect(all.records).toHaveLength(all.totalSize);
    const withBin = await connection.query("SELECT Id FROM Task WHERE IsDeleted = true", { scanAll: true });
    expect(withBin.totalSize).toBeGreaterThan(0);
    const active = await connection.query("SELECT Id FROM Task WHERE IsDeleted = true");
    expect(active.totalSize).toBe(0);
  });

  it("uses the SOQL builder of sobject().find() with escaped values", async () => {
    const connection = await clientCredentialsConnection();
    const found = await connection.sobject("Contact").find({ Email: "o'brien@example.com" }, ["Id", "Email", "LastName"]);
    expect(found).toEqual([expect.objectContaining({ Email: "o'brien@example.com", LastName: "O'Brien" })]);
  });

  it("retrieves, updates and destroys sObjects, and describes them", async () => {
    const connection = await clientCredentialsConnection();
    const [task] = (await connection.query<{ Id: string }>("SELECT Id FROM Task LIMIT 1")).records;
    if (!task) throw new Error("no Task");
    const record = await connection.sobject("Task").retrieve(task.Id);
    expect(record).toMatchObject({ Id: task.Id, attributes: { type: "Task" } });
    const saved = await connection.sobject("Task").update({ Id: task.Id, Subject: "Updated by jsforce" });
    expect(saved).toMatchObject({ id: task.Id, success: true });
    expect((await connection.sobject("Task").retrieve(task.Id)).Subject).toBe("Updated by jsforce");
    const destroyed = await connection.sobject("Task").destroy(task.Id);
    expect(destroyed).toMatchObject({ id: task.Id, success: true });
    await expect(connection.sobject("Task").retrieve(task.Id)).rejects.toMatchObject({ errorCode: "ENTITY_IS_DELETED" });
    const described = await connection.describe("Contact");
    expect(described.fields.map((field) => field.name)).toEqual(expect.arrayContaining(["Email", "Phone", "MobilePhone", "HomePhone", "OtherPhone"]));
  });

  it("searches with SOSL and reports malformed SOQL as jsforce's MALFORMED_QUERY error", async () => {
    const connection = await clientCredentialsConnection();
    const search = await connection.search("FIND {o\\'brien@example.com} IN EMAIL FIELDS RETURNING Contact(Id, Email)");
    expect(search.searchRecords).toHaveLength(1);
    await expect(connection.query("SELECT Id FROM Contact WHERE Email = 'o'brien@example.com'")).rejects.toMatchObject({ errorCode: "MALFORMED_QUERY" });
  });
});
