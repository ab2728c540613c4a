/** Which record type `countRecords` counts: one of `capabilities.countRecords.recordTypes`. */
export interface RecordCountQuery {
  recordType: string;
}

/**
 * How many records of a type the vendor holds. `exact: false` when the vendor answers an estimate
 * or a lower bound (a cached count, a capped total), so the inventory shows it as approximate.
 */
export interface RecordCount {
  count: number;
  exact: boolean;
}
