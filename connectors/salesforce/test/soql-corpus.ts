/*
 * SOQL as Salesforce apps, the Salesforce documentation and our own connector write it, with what
 * Salesforce answers and what the sandbox answers. `salesforce`: "valid" if Salesforce accepts the
 * statement against an org that has the objects, else the errorCode it refuses it with. `sandbox`:
 * "rows" if the sandbox evaluates it (optionally how many rows the seed world gives), else the
 * errorCode it answers: valid SOQL it does not evaluate is refused by name, never answered wrongly.
 */

export interface CorpusEntry {
  soql: string;
  salesforce: "valid" | "MALFORMED_QUERY";
  sandbox: { rows: number | "any" } | { errorCode: string; message?: RegExp };
  /** Where the query comes from or what it exercises. */
  about: string;
}

const ids = "('0035g0000000001', '0035g0000000002AAA', '00Q5g0000000003')";
const unsupported = /does not evaluate it/;

export const soqlCorpus: CorpusEntry[] = [
  // The connector's own queries (locate, export, erase, verify).
  { about: "locate.contacts", soql: "SELECT Id, Email, Phone, MobilePhone, HomePhone, OtherPhone, IndividualId FROM Contact WHERE Email = 'o\\'brien@example.com'", salesforce: "valid", sandbox: { rows: 1 } },
  { about: "locate.leads", soql: "SELECT Id, Email, Phone, MobilePhone, IndividualId FROM Lead WHERE Email = 'nobody@example.com'", salesforce: "valid", sandbox: { rows: 0 } },
  { about: "locate.contact-point-emails", soql: "SELECT Id, ParentId, EmailAddress FROM ContactPointEmail WHERE EmailAddress = 'O\\'Brien@Example.com'", salesforce: "valid", sandbox: { rows: "any" } },
  { about: "locate.web-cases", soql: "SELECT Id, ContactId, SuppliedEmail FROM Case WHERE SuppliedEmail = 'nobody@example.com'", salesforce: "valid", sandbox: { rows: 0 } },
  { about: "locate.email-messages (trap 9: LIKE on address lists, escaped wildcards)", soql: "SELECT Id, ParentId, FromAddress, ToAddress, CcAddress FROM EmailMessage WHERE FromAddress = 'a_b%c@example.com' OR ToAddress LIKE '%a\\_b\\%c@example.com%' OR CcAddress LIKE '%a\\_b\\%c@example.com%'", salesforce: "valid", sandbox: { rows: 0 } },
  { about: "locate.phones: digits in order", soql: "SELECT Id, Email, Phone, MobilePhone, HomePhone, OtherPhone, IndividualId FROM Contact WHERE Phone LIKE '%9%7%7%' OR MobilePhone LIKE '%9%7%7%' OR HomePhone LIKE '%9%7%7%' OR OtherPhone LIKE '%9%7%7%'", salesforce: "valid", sandbox: { rows: "any" } },
  { about: "locate.contacts: every identifier at once, = and LIKE ORed at one level", soql: "SELECT Id, Email, Phone, MobilePhone, HomePhone, OtherPhone, IndividualId FROM Contact WHERE Email = 'o\\'brien@example.com' OR Email = 'nobody@example.com' OR Phone LIKE '%9%7%7%' OR MobilePhone LIKE '%9%7%7%' OR HomePhone LIKE '%9%7%7%' OR OtherPhone LIKE '%9%7%7%'", salesforce: "valid", sandbox: { rows: "any" } },
  { about: "locate.web-cases: an e-mail address and a phone number at once", soql: "SELECT Id, ContactId, SuppliedEmail, SuppliedPhone, SuppliedName FROM Case WHERE SuppliedEmail = 'nobody@example.com' OR SuppliedPhone LIKE '%9%7%7%'", salesforce: "valid", sandbox: { rows: "any" } },
  { about: "locate.case-comment-mentions: a LIKE per identifier, ORed", soql: "SELECT Id, ParentId, CommentBody FROM CaseComment WHERE CommentBody LIKE '%a\\_b@example.com%' OR CommentBody LIKE '%9%7%7%'", salesforce: "valid", sandbox: { rows: "any" } },
  { about: "Contacts by id with their Individual", soql: `SELECT Id, IndividualId FROM Contact WHERE Id IN ${ids}`, salesforce: "valid", sandbox: { rows: 0 } },
  { about: "locate.cases", soql: `SELECT Id, ContactId FROM Case WHERE ContactId IN ${ids}`, salesforce: "valid", sandbox: { rows: 0 } },
  { about: "locate.tasks", soql: `SELECT Id, WhoId FROM Task WHERE WhoId IN ${ids}`, salesforce: "valid", sandbox: { rows: 0 } },
  { about: "locate.campaign-members", soql: `SELECT Id, ContactId, LeadId FROM CampaignMember WHERE ContactId IN ${ids} OR LeadId IN ${ids}`, salesforce: "valid", sandbox: { rows: 0 } },
  { about: "locate.files", soql: `SELECT Id, ContentDocumentId, LinkedEntityId FROM ContentDocumentLink WHERE LinkedEntityId IN ${ids}`, salesforce: "valid", sandbox: { rows: 0 } },
  { about: "locate.consents", soql: `SELECT Id, PartyId FROM ContactPointTypeConsent WHERE PartyId IN ${ids}`, salesforce: "valid", sandbox: { rows: 0 } },
  { about: "erase: presence check", soql: `SELECT Id, IsDeleted FROM Task WHERE Id IN ${ids}`, salesforce: "valid", sandbox: { rows: 0 } },
  { about: "export.files", soql: `SELECT Id, ContentDocumentId, PathOnClient, FileType, ContentSize, VersionData FROM ContentVersion WHERE Id IN ${ids}`, salesforce: "valid", sandbox: { rows: 0 } },
  // What jsforce sends (sobject().find() builds this shape) and what the wire tests send.
  { about: "jsforce find()", soql: "SELECT Id, Email, LastName FROM Contact WHERE Email = 'o\\'brien@example.com'", salesforce: "valid", sandbox: { rows: 1 } },
  { about: "lower-case keywords and names", soql: "select id, email, createddate from contact where email != null limit 1", salesforce: "valid", sandbox: { rows: 1 } },
  { about: "ORDER BY with LIMIT", soql: "SELECT Id, Email FROM Contact ORDER BY Email LIMIT 1", salesforce: "valid", sandbox: { rows: 1 } },
  { about: "boolean literal", soql: "SELECT Id FROM Task WHERE IsDeleted = true", salesforce: "valid", sandbox: { rows: 0 } },
  // Documentation-style queries within what the sandbox evaluates.
  { about: "NOT with parentheses, NULLS LAST, several sort keys, OFFSET", soql: "SELECT Id, LastName FROM Contact WHERE NOT (Email LIKE '%@example.com' OR Email = null) ORDER BY LastName DESC NULLS LAST, Id ASC NULLS FIRST LIMIT 10 OFFSET 5", salesforce: "valid", sandbox: { rows: "any" } },
  { about: "LIKE with an escaped underscore", soql: "SELECT Id FROM Contact WHERE Email LIKE 'o\\_brien%'", salesforce: "valid", sandbox: { rows: 0 } },
  { about: "NOT IN", soql: "SELECT Id FROM Lead WHERE Email NOT IN ('a@example.com', 'b@example.com') LIMIT 5", salesforce: "valid", sandbox: { rows: "any" } },
  { about: "date-time literal", soql: "SELECT Id FROM Contact WHERE CreatedDate > 2000-01-01T00:00:00Z", salesforce: "valid", sandbox: { rows: "any" } },
  { about: "date literal", soql: "SELECT Id FROM Contact WHERE Birthdate < 1900-01-01", salesforce: "valid", sandbox: { rows: 0 } },
  { about: "FOR VIEW", soql: "SELECT Id, Email FROM Contact WHERE Email = 'o\\'brien@example.com' FOR VIEW", salesforce: "valid", sandbox: { rows: 1 } },
  { about: "FOR REFERENCE", soql: "SELECT Id FROM Contact LIMIT 2 FOR REFERENCE", salesforce: "valid", sandbox: { rows: 2 } },
  { about: "object alias", soql: "SELECT c.Id, c.Email FROM Contact c WHERE c.Email = 'o\\'brien@example.com' ORDER BY c.Email", salesforce: "valid", sandbox: { rows: 1 } },
  { about: "object name as prefix", soql: "SELECT Contact.Email FROM Contact WHERE Contact.Email = 'o\\'brien@example.com'", salesforce: "valid", sandbox: { rows: 1 } },
  { about: "string escapes", soql: "SELECT Id FROM Contact WHERE Email = 'line\\nbreak\\t\\u00e9\\\\\\\"'", salesforce: "valid", sandbox: { rows: 0 } },
  { about: "line and paragraph separators inside a literal", soql: "SELECT Id FROM Contact WHERE Email = 'a\u2028b\u2029c'", salesforce: "valid", sandbox: { rows: 0 } },
  { about: "AND of an OR in parentheses, <> and numbers", soql: "SELECT Id FROM Task WHERE (Subject = 'Call' OR Subject = 'Email') AND CallDurationInSeconds >= 0 AND Status <> 'Completed'", salesforce: "valid", sandbox: { rows: "any" } },
  // Valid SOQL the sandbox does not evaluate: the vendor's error for what it lacks, or refused by name.
  { about: "child-to-parent relationship field", soql: "SELECT Id, Account.Name FROM Contact WHERE Account.Industry = 'Banking'", salesforce: "valid", sandbox: { errorCode: "INVALID_FIELD", message: /Didn't understand relationship 'Account'/ } },
  { about: "parent-to-child sub-query", soql: "SELECT Id, (SELECT Id, Subject FROM Cases) FROM Contact", salesforce: "valid", sandbox: { errorCode: "INVALID_TYPE", message: /relationship 'Cases'/ } },
  { about: "an object the sandbox does not serve", soql: "SELECT Id, Name FROM Account WHERE Name LIKE 'Acme%' ORDER BY Name", salesforce: "valid", sandbox: { errorCode: "INVALID_TYPE" } },
  // The count is the QueryResult's totalSize; its records are always empty.
  { about: "COUNT()", soql: "SELECT COUNT() FROM Contact", salesforce: "valid", sandbox: { rows: 0 } },
  { about: "aggregate with GROUP BY", soql: "SELECT Status, COUNT(Id) FROM Lead GROUP BY Status", salesforce: "valid", sandbox: { errorCode: "MALFORMED_QUERY", message: unsupported } },
  { about: "relative date literal", soql: "SELECT Id FROM Case WHERE CreatedDate = TODAY", salesforce: "valid", sandbox: { errorCode: "MALFORMED_QUERY", message: unsupported } },
  { about: "date literal with N", soql: "SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:30", salesforce: "valid", sandbox: { errorCode: "MALFORMED_QUERY", message: unsupported } },
  { about: "semi-join", soql: "SELECT Id FROM Contact WHERE Id IN (SELECT WhoId FROM Task WHERE Status = 'Open')", salesforce: "valid", sandbox: { errorCode: "MALFORMED_QUERY", message: unsupported } },
  { about: "WITH SECURITY_ENFORCED", soql: "SELECT Id FROM Contact WITH SECURITY_ENFORCED", salesforce: "valid", sandbox: { errorCode: "MALFORMED_QUERY", message: unsupported } },
  { about: "toLabel()", soql: "SELECT Id, toLabel(Status) FROM Case", salesforce: "valid", sandbox: { errorCode: "MALFORMED_QUERY", message: unsupported } },
  { about: "TYPEOF", soql: "SELECT TYPEOF What WHEN Account THEN Name ELSE Name END FROM Event", salesforce: "valid", sandbox: { errorCode: "MALFORMED_QUERY", message: unsupported } },
  { about: "FIELDS(STANDARD)", soql: "SELECT FIELDS(STANDARD) FROM Contact LIMIT 200", salesforce: "valid", sandbox: { errorCode: "MALFORMED_QUERY", message: unsupported } },
  { about: "date function in WHERE", soql: "SELECT Id FROM Contact WHERE CALENDAR_YEAR(CreatedDate) = 2024", salesforce: "valid", sandbox: { errorCode: "MALFORMED_QUERY", message: unsupported } },
  { about: "INCLUDES on a multi-select picklist", soql: "SELECT Id FROM Contact WHERE Interests__c INCLUDES ('Golf;Tennis', 'Sailing')", salesforce: "valid", sandbox: { errorCode: "MALFORMED_QUERY", message: unsupported } },
  { about: "USING SCOPE", soql: "SELECT Id FROM Case USING SCOPE Mine", salesforce: "valid", sandbox: { errorCode: "MALFORMED_QUERY", message: unsupported } },
  // Statements Salesforce answers with INVALID_FIELD or INVALID_QUERY_FILTER_OPERATOR although they parse.
  { about: "unknown field", soql: "SELECT Nope FROM Contact", salesforce: "valid", sandbox: { errorCode: "INVALID_FIELD" } },
  { about: "a non-id compared with an id field", soql: "SELECT Id FROM Contact WHERE Id = 'not-an-id'", salesforce: "valid", sandbox: { errorCode: "INVALID_QUERY_FILTER_OPERATOR" } },
  // Malformed statements: MALFORMED_QUERY from Salesforce and from the sandbox.
  { about: "unterminated string", soql: "SELECT Id FROM Contact WHERE Email = 'unterminated", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "unescaped apostrophe (the injection jsforce-fidelity checks)", soql: "SELECT Id FROM Contact WHERE Email = 'o'brien@example.com'", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "injected OR after a broken literal", soql: "SELECT Id FROM Contact WHERE Email = 'x' OR Email != '' AND Phone = 'c'", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY", message: /unexpected token: 'AND'/ } },
  { about: "AND and OR mixed without parentheses", soql: "SELECT Id FROM Contact WHERE Email = 'a' OR Email = 'b' AND Phone = 'c'", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "empty select list", soql: "SELECT FROM Contact", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "missing FROM", soql: "SELECT Id Contact", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "trailing comma in the select list", soql: "SELECT Id, FROM Contact", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "illegal escape", soql: "SELECT Id FROM Contact WHERE Email = 'a\\qb'", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY", message: /Illegal character sequence '\\q'/ } },
  { about: "a bare word as a value", soql: "SELECT Id FROM Contact WHERE Email = ada", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "negative LIMIT", soql: "SELECT Id FROM Contact LIMIT -1", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "ORDER BY without a field", soql: "SELECT Id FROM Contact ORDER BY", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "IN without a list", soql: "SELECT Id FROM Contact WHERE Email IN 'a'", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "unbalanced parenthesis", soql: "SELECT Id FROM Contact WHERE (Email = 'a'", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "== is not SOQL", soql: "SELECT Id FROM Contact WHERE Email == 'a'", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "double-quoted string", soql: 'SELECT Id FROM Contact WHERE Email = "a@example.com"', salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "not a SELECT", soql: "DELETE FROM Contact WHERE Id = '0035g0000000001'", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
  { about: "LIMIT before WHERE", soql: "SELECT Id FROM Contact LIMIT 5 WHERE Email = 'a'", salesforce: "MALFORMED_QUERY", sandbox: { errorCode: "MALFORMED_QUERY" } },
];
