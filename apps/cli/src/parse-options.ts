import { UsageError } from "./report-failure";

export function parsePositiveInteger(option: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new UsageError(`${option} must be a whole number of at least 1 (got "${value}")`);
  }
  return parsed;
}

export function parsePort(option: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new UsageError(`${option} must be a port number from 0 to 65535 (got "${value}")`);
  }
  return parsed;
}

export function parseChoice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${option} must be one of ${choices.join(", ")} (got "${value}")`);
  }
  return value as T;
}
