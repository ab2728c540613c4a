import { describe, expect, it } from "vitest";
import { UsageError } from "../report-failure";
import { checkNewConnectorId, titleOf } from "./connector-id";

describe("a new connector's id", () => {
  it("accepts kebab-case ids no installed connector uses", () => {
    expect(checkNewConnectorId("acme-desk", ["reference"])).toBe("acme-desk");
    expect(checkNewConnectorId("crm2", [])).toBe("crm2");
  });

  it.each(["Acme", "acme_desk", "acme--desk", "-acme", "acme-", "2acme", ""])("refuses %j as not kebab-case", (id) => {
    expect(() => checkNewConnectorId(id, [])).toThrow(UsageError);
    expect(() => checkNewConnectorId(id, [])).toThrow(/kebab-case/);
  });

  it("refuses the id of an installed connector, naming it", () => {
    expect(() => checkNewConnectorId("zendesk", ["reference", "zendesk"])).toThrow('A connector with the id "zendesk" is already installed');
  });

  it("makes a title from the id", () => {
    expect(titleOf("acme-desk")).toBe("Acme Desk");
  });
});
