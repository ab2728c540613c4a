import { recordKey, type LocatedRecord, type LocateQuery } from "@lethe/connector-sdk";
import { salesforceClient } from "../client/salesforce-client";
import type { SalesforceContext } from "../settings";
import { findByIdentifiers } from "./find-people";
import { loadAfterKey, saveAfterKey } from "./locate-checkpoint";
import { LocatedSet } from "./located-set";
import { findMentions } from "./mentions";
import { findRelated } from "./related-records";

/**
 * Finds the subject across Contact, Lead, Case, Task, Event, EmailMessage, CampaignMember,
 * Individual, ContactPointEmail/Phone/TypeConsent and files: first the records carrying their
 * identifiers, then what hangs from those, then other people's records that only mention them
 * (`relation: "mentions"`: redacted, never erased). queryAll is used
 * throughout, so Recycle Bin and archived rows are found too.
 */
export async function* locate(ctx: SalesforceContext, query: LocateQuery): AsyncGenerator<LocatedRecord> {
  const after = await loadAfterKey(ctx);
  const client = await salesforceClient(ctx);
  const found = new LocatedSet();
  const individuals = await findByIdentifiers(ctx, client, query.identifiers, found, query.known);
  await findRelated(client, found, individuals);
  await findMentions(ctx, client, query.identifiers, found);
  const records = found.sorted();
  ctx.log.info("Located the subject's Salesforce records", { records: records.length });
  for (const record of records) {
    const key = recordKey(record.ref);
    if (after !== undefined && key <= after) continue;
    ctx.signal.throwIfAborted();
    yield record;
    await saveAfterKey(ctx, key);
  }
}
