import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import connector from "./index";

describe("the Twilio connector's version", () => {
  it("is its package's version, which receipts record", () => {
    const manifest = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")));
    expect(connector.version).toBe(manifest.version);
  });
});
