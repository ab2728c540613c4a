import { readFile } from "node:fs/promises";
import { UsageError } from "./report-failure";

/** The JSON of a `--world` file; a file that cannot be read or parsed is the user's to fix. */
export async function readWorldFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`--world: cannot read ${path} (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`--world: ${path} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
