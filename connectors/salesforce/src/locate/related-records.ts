import type { IdentifierMatch } from "@lethe/connector-sdk";
import { soqlIdList } from "../client/soql-literal";
import type { SalesforceClient } from "../client/salesforce-client";
import { queryRecords } from "../vendor/read-records";
import { contentDocumentLink, recordSchemas } from "../vendor/records";
import type { LocatedSet } from "./located-set";

/** Ids per IN list: keeps the query URL well below Salesforce's 16,384-character limit. */
const idsPerQuery = 200;

/**
 * Everything filed under the people found: their Cases (ContactId) with the e-mails and comments
 * on them, activities (WhoId; archived and Recycle Bin rows through queryAll), campaign
 * memberships, files (ContentDocumentLink), and their Individual with its contact points and
 * consents (`individuals`: the Individual of each person and contact point found, by record id).
 * Each record inherits the matches of the record it hangs from. One queryAll per object for all
 * the records it hangs from (an IN list, split past 200 ids).
 */
export async function findRelated(client: SalesforceClient, found: LocatedSet, individuals: ReadonlyMap<string, string>): Promise<void> {
  const people = [...found.idsOf("Contact"), ...found.idsOf("Lead")];
  const peopleMatches = (ids: (string | null | undefined)[]) => ids.flatMap((id) => (id ? found.matchesOf(id) : []));

  // Individuals: of the people and the contact points found directly, read with them (find-people.ts).
  const individualIds = new Set<string>();
  for (const [recordId, individualId] of individuals) {
    individualIds.add(individualId);
    inherit(found, "Individual", individualId, found.matchesOf(recordId), "Individual (privacy preferences)");
  }

  for (const batch of chunks(people)) {
    const ids = soqlIdList(batch);
    for (const row of await queryRecords(client, `SELECT Id, ContactId FROM Case WHERE ContactId IN ${ids}`, recordSchemas.Case, { route: "locate.cases", recordType: "Case" })) {
      inherit(found, "Case", row.Id, peopleMatches([row.ContactId]), "Case of the subject");
    }
    for (const type of ["Task", "Event"] as const) {
      for (const row of await queryRecords(client, `SELECT Id, WhoId FROM ${type} WHERE WhoId IN ${ids}`, recordSchemas[type], { route: `locate.${type.toLowerCase()}s`, recordType: type })) {
        inherit(found, type, row.Id, peopleMatches([row.WhoId]), `${type} about the subject`);
      }
    }
    for (const row of await queryRecords(client, `SELECT Id, ContactId, LeadId FROM CampaignMember WHERE ContactId IN ${ids} OR LeadId IN ${ids}`, recordSchemas.CampaignMember, { route: "locate.campaign-members", recordType: "CampaignMember" })) {
      inherit(found, "CampaignMember", row.Id, peopleMatches([row.ContactId, row.LeadId]), "Campaign membership");
    }
    // Files: ContentDocumentLink must be filtered by LinkedEntityId or ContentDocumentId.
    for (const link of await queryRecords(client, `SELECT Id, ContentDocumentId, LinkedEntityId FROM ContentDocumentLink WHERE LinkedEntityId IN ${ids}`, contentDocumentLink, { route: "locate.files", recordType: "ContentDocumentLink", all: false })) {
      inherit(found, "ContentDocument", link.ContentDocumentId, peopleMatches([link.LinkedEntityId]), "File linked to the subject");
    }
  }

  // E-mails on the subject's own Cases, not on someone else's Case that merely mentions them.
  for (const batch of chunks(found.ownIdsOf("Case"))) {
    for (const row of await queryRecords(client, `SELECT Id, ParentId FROM EmailMessage WHERE ParentId IN ${soqlIdList(batch)}`, recordSchemas.EmailMessage, { route: "locate.case-emails", recordType: "EmailMessage" })) {
      inherit(found, "EmailMessage", row.Id, peopleMatches([row.ParentId]), "E-mail on the subject's case");
    }
    // Comments on the subject's own Cases are part of them (Salesforce deletes them with the Case).
    for (const row of await queryRecords(client, `SELECT Id, ParentId FROM CaseComment WHERE ParentId IN ${soqlIdList(batch)}`, recordSchemas.CaseComment, { route: "locate.case-comments", recordType: "CaseComment" })) {
      inherit(found, "CaseComment", row.Id, peopleMatches([row.ParentId]), "Comment on the subject's case");
    }
  }

  for (const batch of chunks([...individualIds])) {
    const ids = soqlIdList(batch);
    for (const type of ["ContactPointEmail", "ContactPointPhone"] as const) {
      for (const row of await queryRecords(client, `SELECT Id, ParentId FROM ${type} WHERE ParentId IN ${ids}`, recordSchemas[type], { route: `locate.${type}s`, recordType: type })) {
        inherit(found, type, row.Id, peopleMatches([row.ParentId]), "Contact point of the subject");
      }
    }
    for (const row of await queryRecords(client, `SELECT Id, PartyId FROM ContactPointTypeConsent WHERE PartyId IN ${ids}`, recordSchemas.ContactPointTypeConsent, { route: "locate.consents", recordType: "ContactPointTypeConsent" })) {
      inherit(found, "ContactPointTypeConsent", row.Id, peopleMatches([row.PartyId]), "Consent record of the subject");
    }
  }
}

function inherit(found: LocatedSet, type: string, id: string, matches: IdentifierMatch[], label: string): void {
  if (matches.length > 0) found.add({ type, id }, matches.map((match) => ({ ...match })), label);
}

function chunks(ids: string[]): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += idsPerQuery) batches.push(ids.slice(i, i + idsPerQuery));
  return batches;
}
