import { describe, expect, it } from "vitest";
import { changedDestinations, destinationSettings } from "./destination-settings";

describe("destinationSettings", () => {
  it("finds every setting that names where requests go, by value or by key, nested ones too", () => {
    const settings = {
      baseUrl: "https://acme.example/api",
      subdomain: "acme",
      apiHost: "crm.acme.example",
      auth: { loginUrl: "https://login.example", scope: "api" },
      mirrors: ["http://10.0.0.5/"],
      pageSize: 100,
    };
    expect(destinationSettings(settings)).toEqual([
      { field: "settings.baseUrl", url: "https://acme.example/api" },
      { field: "settings.apiHost", url: "https://crm.acme.example" },
      { field: "settings.auth.loginUrl", url: "https://login.example" },
      { field: "settings.mirrors.0", url: "http://10.0.0.5/" },
    ]);
  });
});

describe("changedDestinations", () => {
  it("names the destinations whose origin changed, was added or removed; a path or an unrelated setting is no change", () => {
    const before = { baseUrl: "https://acme.example/api", loginUrl: "https://login.example", pageSize: 100 };
    expect(changedDestinations(before, { ...before, baseUrl: "https://acme.example/v2", pageSize: 50 })).toEqual([]);
    expect(changedDestinations(before, { ...before, baseUrl: "https://attacker.example/api" })).toEqual(["settings.baseUrl"]);
    expect(changedDestinations(before, { ...before, baseUrl: "https://acme.example:8443/api" })).toEqual(["settings.baseUrl"]);
    expect(changedDestinations(before, { baseUrl: before.baseUrl })).toEqual(["settings.loginUrl"]);
  });
});
