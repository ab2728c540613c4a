/** Where a vendor's records sit in its JSON and which fields a malformed record loses or keeps. */
export interface RecordShape {
  /** Keys of a list body that hold the records (`data`, `records`, `entities`). */
  listKeys: readonly string[];
  /** A field every record documents as required (`createdAt`); a malformed record lacks it. */
  requiredField: string;
  /** Fields left intact (the id), so that a client can still say which record it could not read. */
  keptFields: readonly string[];
}

/**
 * The usual `malformed` fault for a `FaultStyle`: every record in a successful body loses a
 * required field and carries a number where a string is documented (the first other string
 * field); a list body with no records gets a list key that is not a list ("unavailable"). A body
 * that is neither a list body nor a record is returned as it is. Use it as
 * `malform: malformRecords({ listKeys: ["data"], requiredField: "createdAt", keptFields: ["id"] })`.
 */
export function malformRecords(shape: RecordShape): (body: unknown) => unknown {
  const record = (value: unknown): unknown => {
    if (!isObject(value)) return value;
    const rest = Object.fromEntries(Object.entries(value).filter(([key]) => key !== shape.requiredField));
    const stringField = Object.keys(rest).find((key) => !shape.keptFields.includes(key) && typeof rest[key] === "string");
    return stringField ? { ...rest, [stringField]: 404 } : rest;
  };
  return (body) => {
    if (Array.isArray(body)) return body.map(record);
    if (!isObject(body)) return body;
    for (const key of shape.listKeys) {
      const list = body[key];
      if (Array.isArray(list)) return { ...body, [key]: list.length > 0 ? list.map(record) : "unavailable" };
    }
    return record(body);
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
