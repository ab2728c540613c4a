import { describe, expect, it } from "vitest";
import { demoWelcomeLines } from "./demo-welcome";

describe("demoWelcomeLines", () => {
  const sandboxes = [
    { connectorId: "recorder", clean: "ravi@recorder-demo.example.com", review: "dom@a.example.com" },
    { connectorId: "reference", clean: "noor@reference-demo.example.com", review: "dom@b.example.com" },
  ];

  it("lists each sandbox's people and the commands on the reference CRM's, with the environment prefix", () => {
    const lines = demoWelcomeLines(sandboxes, { prefix: "LETHE_PORT=4600 ", usesDatabaseUrl: false });
    expect(lines).toContain("  recorder   ravi@recorder-demo.example.com");
    expect(lines).toContain("  reference  dom@b.example.com");
    expect(lines).toContain("  LETHE_PORT=4600 pnpm lethe request create --type erasure --email noor@reference-demo.example.com --wait");
    expect(lines).toContain(
      '  LETHE_PORT=4600 pnpm lethe request create --type access --email noor@reference-demo.example.com --attest "checked ID on a call" --wait',
    );
    expect(lines).toContain("  LETHE_PORT=4600 pnpm lethe request create --type erasure --email dom@b.example.com --wait");
  });

  it("prints nothing for sandboxes without demo people", () => {
    expect(demoWelcomeLines([{ connectorId: "custom" }], { prefix: "", usesDatabaseUrl: false })).toEqual([]);
  });
});
