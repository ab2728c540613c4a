import { fail } from "./findings";

/** Runs an operation that must fail with one error class, and says precisely what happened instead. */
export async function expectError<E extends Error>(
  operation: () => Promise<unknown>,
  expected: abstract new (...args: never[]) => E,
  what: string,
): Promise<E> {
  try {
    await operation();
  } catch (error) {
    if (error instanceof expected) return error;
    fail(`${what} must fail with ${expected.name}, but failed with ${describeError(error)}`);
  }
  fail(`${what} must fail with ${expected.name}, but succeeded`);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
