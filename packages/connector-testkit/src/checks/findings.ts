/** A conformance check found the connector (or its sandbox) not doing what docs/connectors.md requires. */
export class ConformanceFailure extends Error {
  constructor(
    summary: string,
    readonly findings: readonly string[] = [],
  ) {
    super(findings.length === 0 ? summary : `${summary}\n${formatFindings(findings)}`);
    this.name = "ConformanceFailure";
  }
}

const shownFindings = 15;

function formatFindings(findings: readonly string[]): string {
  const shown = findings.slice(0, shownFindings).map((finding) => `  - ${finding}`);
  if (findings.length > shownFindings) shown.push(`  … and ${findings.length - shownFindings} more`);
  return shown.join("\n");
}

/** Collects every violation a check sees, so one run reports all of them rather than the first. */
export class Findings {
  private readonly items: string[] = [];

  add(finding: string): void {
    this.items.push(finding);
  }

  expect(condition: boolean, finding: () => string): void {
    if (!condition) this.items.push(finding());
  }

  get count(): number {
    return this.items.length;
  }

  throwIfAny(summary: string): void {
    if (this.items.length > 0) throw new ConformanceFailure(summary, this.items);
  }
}

export function fail(summary: string): never {
  throw new ConformanceFailure(summary);
}
