import recorderConnector from "@lethe/connector-recorder";
import { startRecorderSandbox } from "@lethe/connector-recorder/sandbox";
import type { ConnectorCallsSpec } from "./calls-per-erasure";
import { subjectPhone, tenantPhone } from "./tenant-phones";

/** Recordings per search page (the API's maximum) and per deletion job. */
const searchPage = 25;
const perJob = 100;
/** Each call is three records: the recording, its transcript, its consent events. */
const recordsPerCall = 3;

/**
 * Call recorder: the subject is the customer on `records` calls (each a recording, a transcript
 * and consent events); the tenant, other customers' calls, one per three records. Minimum
 * (tooling/bench/README.md, "calls-per-erasure"): an OAuth token per job that calls the recorder
 * (five: two locate rounds, erase, confirm, verify — jobs may run in different worker processes
 * and Lethe keeps no vendor token at rest), one search per identifier the subject is
 * known by (e-mail and phone given; the CRM id and name found on their calls), a page per 25
 * recordings; one deletion job per 100 recordings and one read of each job once the recorder has
 * run it; then each of the three stores read by id per call (a fulfilled job has left transcripts
 * behind before: only reading each proves it).
 */
export const recorderCalls: ConnectorCallsSpec = {
  connector: recorderConnector,
  async startSandbox(world) {
    const sandbox = await startRecorderSandbox({ world, rateLimitPerMinute: 1_000_000_000 });
    return {
      ...sandbox,
      // The jobs run on the recorder's clock: a day on, each is fulfilled when confirmation reads it.
      whileConfirming: async () => {
        const response = await fetch(`${sandbox.url}/__sandbox/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advanceMs: 86_400_000 }) });
        if (!response.ok) throw new Error(`the recorder's clock answered ${response.status}`);
      },
    };
  },
  world(records, tenant) {
    const email = "ada.quill@example.com";
    const agent = { aor: "sip:agent.1042@cc.example.com", name: "Agent 1042", role: "agent", channel: 1 };
    const at = (index: number) => new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString();
    const subjectCalls = Array.from({ length: records }, (_, index) => ({
      startTime: at(index),
      participants: [{ aor: `tel:${subjectPhone}`, name: "Ada Quill", role: "customer", channel: 0, email, externalContactId: "CUST-9000001" }, agent],
      lines: [{ participant: 0, text: "I would like to change my address" }],
    }));
    const tenantCalls = Array.from({ length: Math.ceil(tenant / recordsPerCall) }, (_, index) => ({
      startTime: at(records + index),
      participants: [{ aor: `tel:${tenantPhone(index)}`, name: `Tenant Caller ${index}`, role: "customer", channel: 0, email: `tenant.${index}@example.org`, externalContactId: `CUST-${1_000_000 + index}` }, agent],
    }));
    return {
      world: {
        people: [{ id: "subject", role: "subject", identifiers: [{ kind: "email", value: email }, { kind: "phone", value: subjectPhone }] }],
        calls: [...subjectCalls, ...tenantCalls],
      },
      identifiers: [
        { kind: "email", value: email },
        { kind: "phone", value: subjectPhone },
      ],
    };
  },
  verified: (records) => records * recordsPerCall,
  minimum(records) {
    const pages = Math.max(1, Math.ceil(records / searchPage));
    const jobs = Math.ceil(records / perJob);
    return {
      calls: 5 + 4 * pages + 2 * jobs + recordsPerCall * records,
      why: `5 tokens, 4 searches × ${pages} page(s), ${jobs} job(s) created and read, ${recordsPerCall} reads × ${records} calls`,
    };
  },
};
