/** A query Salesforce would refuse: answered as 400 with this errorCode (vendor-apis.md §1.3). */
export class MalformedQuery extends Error {
  constructor(
    message: string,
    readonly errorCode: "MALFORMED_QUERY" | "INVALID_FIELD" | "INVALID_TYPE" | "MALFORMED_SEARCH" | "INVALID_QUERY_FILTER_OPERATOR" = "MALFORMED_QUERY",
  ) {
    super(message);
  }
}
