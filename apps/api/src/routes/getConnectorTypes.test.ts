import recorder from "@lethe/connector-recorder";
import reference from "@lethe/connector-reference";
import salesforce from "@lethe/connector-salesforce";
import zendesk from "@lethe/connector-zendesk";
import { connectorTypeListSchema, connectorTypeSchema } from "@lethe/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, startApiHarness, type ApiHarness } from "../../test/api-harness";
import { toConnectorType } from "../views/connector-view";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api.close();
});

describe("GET /connector-types", () => {
  it("lists the installed connectors with every capability they declare, rectification and restriction included", async () => {
    const response = await fetch(`${api.url}/api/v1/connector-types`, { headers: jsonHeaders(api.credentials.viewer) });
    expect(response.status).toBe(200);
    const { connectorTypes } = connectorTypeListSchema.parse(await response.json());
    const reference = connectorTypes.find((type) => type.id === "reference");
    expect(reference?.capabilities).toMatchObject({
      locate: true,
      rectify: { person: expect.arrayContaining(["email", "phone"]) },
      restrict: true,
    });
  });
});

describe("the connector type view", () => {
  it.each([reference, zendesk, salesforce, recorder])("describes the $id connector in the shape the contract (and so the console) accepts", (connector) => {
    expect(() => connectorTypeSchema.parse(toConnectorType(connector))).not.toThrow();
  });
});
