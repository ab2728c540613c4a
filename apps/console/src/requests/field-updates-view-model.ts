/** A proposed correction of one field (rectification): what `plan_items.field_updates` holds. */
export interface FieldUpdate {
  field: string;
  value: string;
}

const fieldLabels: Record<string, string> = { name: "Name", email: "E-mail address", phone: "Phone number" };

/** A reviewer reads "E-mail address → new@example.com"; unknown connector fields keep their own name. */
export function describeFieldUpdates(updates: readonly FieldUpdate[] | null | undefined): Array<{ key: string; label: string; value: string }> {
  return (updates ?? []).map((update, index) => ({
    key: `${index}-${update.field}`,
    label: fieldLabels[update.field] ?? update.field,
    value: update.value,
  }));
}
