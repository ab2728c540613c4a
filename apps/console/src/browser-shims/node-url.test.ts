import { domainToASCII as nodeDomainToASCII } from "node:url";
import { describe, expect, it } from "vitest";
import { domainToASCII } from "./node-url";

describe("the browser's domainToASCII", () => {
  const domains = [
    "example.com",
    "EXAMPLE.com",
    "bücher.example",
    "xn--bcher-kva.example",
    "例え.テスト",
    "a..b",
    "exa mple.com",
    "",
    "user@host",
    "host:80",
  ];

  it.each(domains)("gives what Node gives for %j", (domain) => {
    expect(domainToASCII(domain)).toBe(nodeDomainToASCII(domain));
  });

  // Node reads `bad/domain` as host `bad` and percent-decodes; core refuses those characters in a
  // domain anyway, and the shim is stricter rather than guess.
  it.each(["bad/domain", "bad%41.example", "bad?x", "bad#x"])("refuses %j, which would split a URL's authority", (domain) => {
    expect(domainToASCII(domain)).toBe("");
  });
});
