import { describe, expect, it } from "vitest";
import { maskCardNumbers, maskInText, spokenCardMarker } from "./card-masking";
import { subjectCopy } from "./subject-copy";

describe("the person's copy of a record", () => {
  const ticket = {
    ticket: { id: 7, url: "https://acme.zendesk.com/api/v2/tickets/7.json", description: "their words" },
    comments: [
      { id: 1, author_id: 10, body: "mine", metadata: { ip_address: "203.0.113.7" } },
      { id: 2, author_id: 20, body: "theirs", metadata: { ip_address: "198.51.100.9" } },
      { id: 3, author_id: 30, body: "also theirs", metadata: { ip_address: "192.0.2.1" } },
    ],
  };

  it("leaves out the parts declared about other people and counts them, keeping the rest unchanged", () => {
    const copy = subjectCopy(
      ticket,
      [
        { path: ["comments", 1], about: "other" },
        { path: ["comments", 2, "metadata"], about: "other" },
        { path: ["ticket", "description"], about: "other" },
        { path: ["comments", 0], about: "subject" },
        // Leads nowhere: nothing to leave out, nothing counted.
        { path: ["comments", 9], about: "other" },
      ],
      {},
    );
    expect(copy.data).toEqual({
      ticket: { id: 7, url: "https://acme.zendesk.com/api/v2/tickets/7.json" },
      comments: [
        { id: 1, author_id: 10, body: "mine", metadata: { ip_address: "203.0.113.7" } },
        { id: 3, author_id: 30, body: "also theirs" },
      ],
    });
    expect(copy.tally.otherPeoplesParts).toBe(3);
    // The connector's record is not touched.
    expect(ticket.comments).toHaveLength(3);
  });

  it("removes several elements of one array by their original indexes", () => {
    const copy = subjectCopy({ list: ["a", "b", "c", "d"] }, [
      { path: ["list", 0], about: "other" },
      { path: ["list", 2], about: "other" },
    ], {});
    expect(copy.data).toEqual({ list: ["b", "d"] });
  });

  it("drops fields by declared pattern, `*` standing for any key or index", () => {
    const copy = subjectCopy(
      { url: "https://x/api/1", a: { attachments: [{ url: "u1", id: 1 }, { url: "u2", id: 2 }] }, keep: "url" },
      undefined,
      { url: "vendor-url", "a.attachments.*.url": "vendor-url", "missing.field": "vendor-url" },
    );
    expect(copy.data).toEqual({ a: { attachments: [{ id: 1 }, { id: 2 }] }, keep: "url" });
    expect(copy.tally.roledFields).toBe(3);
  });
});

describe("card number masking", () => {
  it("keeps at most the first six and last four digits, with the separators", () => {
    expect(maskInText("My card 4111 1111 1111 1111 was charged twice.")).toEqual({
      text: "My card 4111 11** **** 1111 was charged twice.",
      count: 1,
    });
    expect(maskInText("5555555555554444").text).toBe("555555******4444");
  });

  it("replaces a card number said in words whole", () => {
    const said = "it is four one one one one one one one one one one one one one one one thanks";
    const masked = maskInText(said);
    expect(masked.count).toBe(1);
    expect(masked.text).toContain(spokenCardMarker);
    expect(masked.text).not.toMatch(/four one one one/);
  });

  it("leaves numbers that are not card numbers alone", () => {
    expect(maskInText("order 1234 5678 9012 3457 and phone +44 20 7946 0000")).toEqual({
      text: "order 1234 5678 9012 3457 and phone +44 20 7946 0000",
      count: 0,
    });
  });

  it("masks every text of a nested value and counts", () => {
    const masked = maskCardNumbers({ a: ["4111111111111111", { b: "x 5555 5555 5555 4444" }], n: 4111111111111111, t: true });
    expect(masked.value).toEqual({ a: ["411111******1111", { b: "x 5555 55** **** 4444" }], n: 4111111111111111, t: true });
    expect(masked.count).toBe(2);
  });
});
