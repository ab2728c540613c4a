import salesforceConnector from "@lethe/connector-salesforce";
import { startSalesforceSandbox } from "@lethe/connector-salesforce/sandbox";
import type { ConnectorCallsSpec } from "./calls-per-erasure";
import { subjectPhone, tenantPhone } from "./tenant-phones";

/** Records per composite delete (S9) and per queryAll of ids (the connector's batch). */
const perCall = 200;

/**
 * Salesforce: the subject is a Contact with `records - 1` Tasks logged against them; the tenant,
 * other Contacts with nine Tasks each. Minimum (tooling/bench/README.md, "calls-per-
 * erasure"), for the object types involved: one token per job that calls Salesforce (locate, erase,
 * verify — a token lasts the job), one SOSL search for every identifier at once
 * across the objects that hold them (S4), one queryAll per object type for what hangs from the
 * Contact (S3; Recycle Bin rows included); to erase, a composite delete per 200 records (S9) and a
 * Bulk API 2.0 hardDelete per object type (create, upload, close, status, results: S10, S11); to prove it, one
 * queryAll per object type by id (S3).
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
    const calls = 3 + 1 + types + batches + 5 * types + types;
    return { calls, why: `3 tokens, 1 SOSL, ${types} related queries, ${batches} composite delete(s), ${5 * types} Bulk hardDelete calls, ${types} read-back queries` };
  },
};
