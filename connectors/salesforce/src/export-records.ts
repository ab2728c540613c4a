import { VendorContractError, type ExportItem, type RecordRef } from "@lethe/connector-sdk";
import { soqlIdList } from "./client/soql-literal";
import { salesforceClient, type SalesforceClient } from "./client/salesforce-client";
import type { SalesforceContext } from "./settings";
import { queryRecords } from "./vendor/read-records";
import { contentVersion, isSalesforceObject, recordSchemas, type SalesforceObject } from "./vendor/records";
import { exportOrder, ExportSubject } from "./export-parts";

const idsPerQuery = 100;

/**
 * Every located record with all its fields (the field list comes from `describe`, so custom
 * fields an org added are exported too), read with queryAll so that Recycle Bin rows export as
 * well; and for each file, its latest version's bytes (`ContentVersion.VersionData`). The person's
 * own records are read first; records filed under someone else mark that person's parts
 * (export-parts.ts).
 */
export async function* exportRecords(ctx: SalesforceContext, refs: RecordRef[]): AsyncGenerator<ExportItem> {
  const client = await salesforceClient(ctx);
  const byType = new Map<SalesforceObject, string[]>();
  for (const ref of refs) {
    if (!isSalesforceObject(ref.type)) throw new VendorContractError(`Cannot export a record of unknown type ${ref.type}`, { recordType: ref.type, recordId: ref.id });
    byType.set(ref.type, [...(byType.get(ref.type) ?? []), ref.id]);
  }
  const subject = new ExportSubject(ctx.settings.defaultPhoneRegion);
  const rank = (type: string) => (exportOrder.includes(type) ? exportOrder.indexOf(type) : exportOrder.length);
  for (const [type, ids] of [...byType].sort(([a], [b]) => rank(a) - rank(b))) {
    const fields = await fieldNames(client, type);
    for (let i = 0; i < ids.length; i += idsPerQuery) {
      const batch = ids.slice(i, i + idsPerQuery);
      const records = await queryRecords(client, `SELECT ${fields.join(", ")} FROM ${type} WHERE Id IN ${soqlIdList(batch)}`, recordSchemas[type], { route: `export.${type}`, recordType: type });
      for (const record of records) {
        ctx.signal.throwIfAborted();
        subject.learn(type, record);
        const { data, parts } = subject.exported(type, record);
        yield { kind: "record", ref: { type, id: record.Id }, data, ...(parts.length > 0 ? { parts } : {}) };
      }
      if (type === "ContentDocument") yield* files(client, records.flatMap((record) => (typeof record.LatestPublishedVersionId === "string" ? [record.LatestPublishedVersionId] : [])));
    }
  }
}

async function fieldNames(client: SalesforceClient, type: SalesforceObject): Promise<string[]> {
  const described: unknown = await client.call(`describe.${type}`, (connection) => connection.describe(type));
  const fields = typeof described === "object" && described !== null && "fields" in described ? described.fields : undefined;
  if (!Array.isArray(fields)) throw new VendorContractError(`describe of ${type} answered without a fields list`, { route: "describe", recordType: type });
  const names = fields.map((field: unknown) => (typeof field === "object" && field !== null && "name" in field && typeof field.name === "string" ? field.name : undefined));
  if (names.some((name) => name === undefined || !/^\w+$/.test(name))) throw new VendorContractError(`describe of ${type} lists a field without a usable name`, { route: "describe", recordType: type });
  return names.filter((name): name is string => name !== undefined);
}

async function* files(client: SalesforceClient, versionIds: string[]): AsyncGenerator<ExportItem> {
  if (versionIds.length === 0) return;
  const versions = await queryRecords(client, `SELECT Id, ContentDocumentId, PathOnClient, FileType, ContentSize, VersionData FROM ContentVersion WHERE Id IN ${soqlIdList(versionIds)}`, contentVersion, { route: "export.files", recordType: "ContentVersion", all: false });
  for (const version of versions) {
    yield {
      kind: "binary",
      ref: { type: "ContentDocument", id: version.ContentDocumentId },
      name: `ContentDocument-${version.ContentDocumentId}-${(version.PathOnClient ?? "file").replace(/[^\w.-]+/g, "_")}`,
      contentType: mediaType(version.FileType),
      size: version.ContentSize,
      content: async function* () {
        const response = await client.download(version.VersionData);
        if (response.status !== 200) throw new VendorContractError(`VersionData answered ${response.status}`, { route: "export.file-data", recordType: "ContentVersion", recordId: version.Id });
        yield* response.stream();
      },
    };
  }
}

function mediaType(fileType: string | null): string {
  switch (fileType?.toUpperCase()) {
    case "TEXT":
      return "text/plain";
    case "PDF":
      return "application/pdf";
    case "PNG":
      return "image/png";
    case "JPG":
    case "JPEG":
      return "image/jpeg";
    case "CSV":
      return "text/csv";
    default:
      return "application/octet-stream";
  }
}
