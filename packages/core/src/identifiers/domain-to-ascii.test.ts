import { domainToASCII as nodeDomainToASCII } from "node:url";
import { describe, expect, it } from "vitest";
import { domainToASCII } from "./domain-to-ascii";

describe("domainToASCII", () => {
  const domains = [
    "example.com",
    "EXAMPLE.com",
    "bücher.example",
    "xn--bcher-kva.example",
    "例え.テスト",
    "ｅｘａｍｐｌｅ。com",
    "a..b",
    "exa mple.com",
    "0x7f.1",
    "1.2.3.4",
    "",
    "user@host",
    "host:80",
  ];

  it.each(domains)("gives what Node's node:url gives for %j", (domain) => {
    expect(domainToASCII(domain)).toBe(nodeDomainToASCII(domain));
  });

  // Node reads `bad/domain` as host `bad` and percent-decodes; the e-mail rules refuse those
  // characters in a domain anyway, and this function is stricter rather than guess.
  it.each(["bad/domain", "bad%41.example", "bad?x", "bad#x"])("refuses %j, which would split a URL's authority", (domain) => {
    expect(domainToASCII(domain)).toBe("");
  });
});
