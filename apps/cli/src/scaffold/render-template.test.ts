import { describe, expect, it } from "vitest";
import { demoPhoneOf, outputPathOf, renderTemplate } from "./render-template";

describe("template rendering", () => {
  it("replaces every placeholder and drops the .tmpl suffix", () => {
    const values = { id: "acme-desk", title: "Acme Desk", packageName: "lethe-connector-acme-desk", demoPhone: 42 };
    expect(renderTemplate('id "__ID__", "__TITLE__" in __PACKAGE__, phone __DEMO_PHONE__; __ID__', values)).toBe(
      'id "acme-desk", "Acme Desk" in lethe-connector-acme-desk, phone 42; acme-desk',
    );
    expect(outputPathOf("src/sandbox/app.ts.tmpl")).toBe("src/sandbox/app.ts");
  });

  it("picks the clean demo person's separable number from the id, outside the bundled sandboxes' 0–9", () => {
    for (const id of ["acme-desk", "a", "twilio", "zz-top-9"]) {
      expect(demoPhoneOf(id)).toBeGreaterThanOrEqual(10);
      expect(demoPhoneOf(id)).toBeLessThanOrEqual(99);
      expect(demoPhoneOf(id)).toBe(demoPhoneOf(id));
    }
  });
});
