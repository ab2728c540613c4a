import { UsageError } from "../report-failure";

const kebabCase = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * A new connector's id: kebab-case (the conformance suite's rule, and a directory and package
 * name as it stands) and not one an installed connector already uses.
 */
export function checkNewConnectorId(id: string, installedIds: readonly string[]): string {
  if (!kebabCase.test(id)) {
    throw new UsageError(`"${id}" is not a connector id: use kebab-case, lower-case letters and digits separated by single hyphens (e.g. acme-desk)`);
  }
  if (installedIds.includes(id)) {
    throw new UsageError(`A connector with the id "${id}" is already installed; choose another id`);
  }
  return id;
}

/** "acme-desk" → "Acme Desk": the title used when none is given. */
export function titleOf(id: string): string {
  return id
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}
