import type { RunningSandbox } from "@lethe/connector-sdk";
import { Connection } from "jsforce";
import { bystanders, ccingBystander, mentionText, mentioningBystander, target, targetCard, targetEmailInCapitals, type CorpusPerson } from "./corpus";
import type { LoadedCorpus } from "./loaded-corpus";

/*
 * The corpus in Salesforce, created with jsforce 3 unchanged (sobject create), and read afterwards
 * with `queryAll`, which sees the Recycle Bin too: a record deleted but restorable is not erased.
 */

interface SaveResult {
  id: string;
  success: boolean;
}

export async function loadSalesforceCorpus(running: RunningSandbox): Promise<LoadedCorpus> {
  const { clientId, clientSecret } = running.credentials as { clientId: string; clientSecret: string };
  const connection = new Connection({ oauth2: { loginUrl: running.url, clientId, clientSecret }, version: "62.0" });
  await connection.authorize({ grant_type: "client_credentials" });
  // The SOSL index has caught up with what was just written (as it does within minutes).
  await fetch(`${running.url}/__sandbox/search`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ indexLagMs: 0 }) });
  const create = async (type: string, fields: Record<string, unknown>): Promise<string> => {
    const result = (await connection.sobject(type).create(fields)) as SaveResult;
    if (!result.success) throw new Error(`Salesforce refused a ${type}`);
    return result.id;
  };
  const contact = (who: CorpusPerson) => create("Contact", { FirstName: who.firstName, LastName: who.lastName, Email: who.email, Phone: who.phone });

  const targetContact = await contact(target);
  const targetRecords: Array<[string, string]> = [
    ["Contact", targetContact],
    ["Lead", await create("Lead", { FirstName: target.firstName, LastName: target.lastName, Company: "Quintero Imports", Email: targetEmailInCapitals })],
    ["Case", await create("Case", { ContactId: targetContact, Subject: "Refund", Description: `Charged twice for order 7731 on card ${targetCard}.`, SuppliedEmail: target.email })],
    ["Task", await create("Task", { WhoId: targetContact, Subject: "Call back", Description: "Call back about the refund." })],
  ];
  const bystanderIds = new Map<CorpusPerson, string>();
  for (const bystander of bystanders) bystanderIds.set(bystander, await contact(bystander));
  const mentionCase = await create("Case", {
    ContactId: bystanderIds.get(mentioningBystander),
    Subject: "Refund for a customer",
    Description: mentionText(target.email),
  });
  const ccMessage = await create("EmailMessage", {
    ParentId: mentionCase,
    FromAddress: ccingBystander.email,
    FromName: `${ccingBystander.firstName} ${ccingBystander.lastName}`,
    ToAddress: "support@acme-support.example.com",
    CcAddress: `${target.email}; ${mentioningBystander.email}`,
    Subject: "Where is my parcel?",
    TextBody: "Where is my parcel? Copying my neighbour.",
    Incoming: true,
  });

  const queryAll = async (soql: string) => (await connection.query<Record<string, unknown>>(soql, { scanAll: true })).records;
  const idList = (ids: string[]) => ids.map((id) => `'${id}'`).join(", ");

  return {
    system: "Salesforce",
    async findings() {
      const found: string[] = [];
      for (const [type, id] of targetRecords) {
        const rows = await queryAll(`SELECT Id, IsDeleted FROM ${type} WHERE Id = '${id}'`);
        for (const row of rows) found.push(`the target's ${type} ${id} is still held${row.IsDeleted === true ? " (in the Recycle Bin)" : ""}`);
      }
      const kept = await queryAll(`SELECT Id, Email, IsDeleted FROM Contact WHERE Id IN (${idList([...bystanderIds.values()])})`);
      for (const [who, id] of bystanderIds) {
        const row = kept.find((candidate) => candidate.Id === id);
        if (!row || row.IsDeleted === true || String(row.Email).toLowerCase() !== who.email.toLowerCase()) found.push(`bystander (${who.differs}) Contact ${id} was lost or changed`);
      }
      const [caseRow] = await queryAll(`SELECT Id, Description, IsDeleted FROM Case WHERE Id = '${mentionCase}'`);
      const description = caseRow?.IsDeleted === false ? String(caseRow.Description) : undefined;
      if (description === undefined) found.push(`the bystander's Case ${mentionCase} that mentioned the target is gone`);
      else if (description.toLowerCase().includes(target.email.toLowerCase())) found.push(`the bystander's Case ${mentionCase} still names the target's address`);
      else if (!description.includes("on the refund for order 7731")) found.push(`the bystander's Case ${mentionCase} lost more than the target's address`);
      const [messageRow] = await queryAll(`SELECT Id, CcAddress, FromAddress, IsDeleted FROM EmailMessage WHERE Id = '${ccMessage}'`);
      const cc = messageRow?.IsDeleted === false ? String(messageRow.CcAddress) : undefined;
      if (cc === undefined) found.push(`the bystander's EmailMessage ${ccMessage} that copied the target is gone`);
      else if (cc.toLowerCase().includes(target.email.toLowerCase())) found.push(`the bystander's EmailMessage ${ccMessage} still copies the target`);
      else if (!cc.toLowerCase().includes(mentioningBystander.email) || messageRow?.FromAddress !== ccingBystander.email) found.push(`the bystander's EmailMessage ${ccMessage} lost more than the target's address`);
      return found;
    },
  };
}
