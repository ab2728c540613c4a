import { readFileSync } from "node:fs";
import { dataFile } from "./data-file";

/** One of isemail's classified addresses: its id, the address, and isemail's category and diagnosis. */
export interface EmailEdgeCase {
  id: string;
  address: string;
  category: string;
  diagnosis: string;
}

// The file writes ASCII control characters as Unicode "control pictures" (U+2400 + code) because
// XML cannot hold them; turn them, and the XML escapes, back into the characters they stand for.
function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[name] ?? "")
    .replace(/[\u2400-\u241f]/g, (picture) => String.fromCharCode(picture.charCodeAt(0) - 0x2400));
}

/** Every `<test>` of isemail's tests.xml, in file order. */
export function emailEdgeCases(): EmailEdgeCase[] {
  const xml = readFileSync(dataFile("email-edge-cases/tests.xml"), "utf8");
  return [...xml.matchAll(/<test id="(\d+)">([\s\S]*?)<\/test>/g)].map(([, id = "", body = ""]) => ({
    id,
    address: decode(/<address>([\s\S]*?)<\/address>/.exec(body)?.[1] ?? ""),
    category: /<category>([^<]*)<\/category>/.exec(body)?.[1] ?? "",
    diagnosis: /<diagnosis>([^<]*)<\/diagnosis>/.exec(body)?.[1] ?? "",
  }));
}
