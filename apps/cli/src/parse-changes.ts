import { UsageError } from "./report-failure";

/**
 * `--change field=value` options of a rectification, as `{ field, value }` in the order given.
 * The value may itself hold `=`; the field names and values are checked by the runtime, which
 * knows the rectifiable fields and normalises e-mail addresses and phone numbers.
 */
export function parseChanges(options: readonly string[]): Array<{ field: string; value: string }> {
  return options.map((option) => {
    const at = option.indexOf("=");
    if (at <= 0) throw new UsageError(`--change "${option.slice(0, 40)}" is not field=value, e.g. --change email=new@example.com`);
    return { field: option.slice(0, at).trim(), value: option.slice(at + 1) };
  });
}
