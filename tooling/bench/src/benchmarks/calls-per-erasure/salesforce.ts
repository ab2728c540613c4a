import salesforceConnector from "@lethe/connector-salesforce";
import { startSalesforceSandbox } from "@lethe/connector-salesforce/sandbox";
import type { ConnectorCallsSpec } from "./calls-per-erasure";
import { subjectPhone, tenantPhone } from "./tenant-phones";

/** Records per composite delete (S9) and per queryAll of ids (the connector's batch). */
const perCall = 200;

/** Objects that can hold an e-mail address or a phone number, read with one queryAll each for every identifier. */
const identifierObjects = ["Contact", "Lead", "ContactPointEmail", "ContactPointPhone", "Case", "EmailMessage"];
/** What hangs from a Contact found, one queryAll each: Case (ContactId), Task and Event (WhoId), CampaignMember, ContentDocumentLink. */
const relatedObjects = 5;
/** Mentions: one SOSL for the e-mail address in long text (not filterable in SOQL), one CaseComment queryAll. */
const mentionCalls = 2;

/**
 * Salesforce: the subject is a Contact with `records - 1` Tasks logged against them; the tenant,
 * other Contacts with nine Tasks each. Minimum (tooling/bench/README.md, "calls-per-erasure"),
 * for the object types involved: one token per job that calls Salesforce (locate, erase, verify —
 * a token lasts the job). To locate, one queryAll per object that can hold the identifiers, for
 * all of them at once (S3): not one SOSL, which does not search the Recycle Bin (rows an erasure
 * must purge too), lags behind writes and does not cover Case.SuppliedPhone; then one queryAll per
 * object that hangs from the Contact found (S3; none of them can be known empty without asking),
 * one SOSL for mentions of the address in long text fields (not filterable in SOQL) and one
 * CaseComment queryAll for mentions in comments. To erase, a composite delete per 200 records (S9)
 * and a Bulk API 2.0 hardDelete per object type (create, upload, close, status, results: S10,
 * S11); to prove it, one queryAll per object type by id (S3).
 */
export const salesforceCalls: ConnectorCallsSpec = {
  connector: salesforceConnector,
  startSandbox: async (world) => startSalesforceSandbox({ world }),
  world(records, tenant) {
    const email = "ada.quill@example.com";
    const contact = (key: string, first: string, address: string, phone: string) => ({ type: "Contact", key, fields: { FirstName: first, LastName: "Quill", Email: address, Phone: phone } });
    const tasks = (who: string, count: number) => Array.from({ length: count }, (_, index) => ({ type: "Task", fields: { Subject: `Call back ${index + 1}`, WhoId: { ref: who } } }));
    const others = Array.from({ length: Math.ceil(tenant / 10) }, (_, index) => [contact(`tenant${index}`, `Tenant${index}`, `tenant.${index}@example.org`, tenantPhone(index)), ...tasks(`tenant${index}`, 9)]).flat();
    return {
      world: {
        people: [{ id: "subject", role: "subject", identifiers: [{ kind: "email", value: email }, { kind: "phone", value: subjectPhone }] }],
        records: [contact("subject", "Ada", email, subjectPhone), ...tasks("subject", records - 1), ...others],
      },
      identifiers: [
        { kind: "email", value: email },
        { kind: "phone", value: subjectPhone },
      ],
    };
  },
  minimum(records) {
    const types = records > 1 ? 2 : 1;
    const batches = Math.ceil(records / perCall);
    const locate = identifierObjects.length + relatedObjects + mentionCalls;
    const calls = 3 + locate + batches + 5 * types + types;
    return {
      calls,
      why: `3 tokens, ${identifierObjects.length} identifier queryAlls (${identifierObjects.join(", ")}), ${relatedObjects} related queryAlls, ${mentionCalls} mention searches, ${batches} composite delete(s), ${5 * types} Bulk hardDelete calls, ${types} read-back queries`,
    };
  },
};
