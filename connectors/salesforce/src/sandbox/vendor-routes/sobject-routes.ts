import type { RequestHandler } from "express";
import { sendSalesforceError } from "../http/salesforce-error";
import type { SandboxState } from "../sandbox-state";
import { fieldSpec, objectCatalogue, objectSpec } from "../world/object-catalogue";
import { apiVersionOf } from "./api-version";
import { readFieldValues } from "./field-values";
import { recordJson, recordOf } from "./sobject-record";

/** `GET /sobjects/{type}/{id}[?fields=A,B]` (S6): the record with every field, or the listed ones. */
export function getSObject(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    const version = apiVersionOf(req, res);
    if (!version) return;
    const found = recordOf(state, req, res);
    if (!found) return;
    const only = typeof req.query.fields === "string" ? req.query.fields.split(",").map((name) => name.trim().toLowerCase()) : undefined;
    for (const name of only ?? []) {
      if (!fieldSpec(found.object, name)) return sendSalesforceError(res, 400, "INVALID_FIELD", `No such column '${name}' on sobject of type ${found.object.name}`);
    }
    res.status(200).json(recordJson(found.object, found.row, version, only));
  };
}

/** `PATCH /sobjects/{type}/{id}` (S7): 204 and no body; `null` clears a field. */
export function patchSObject(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    const found = recordOf(state, req, res);
    if (!found) return;
    const values = readFieldValues(found.object, req.body, res);
    if (!values) return;
    const sealed = sentEmailFields(found.object.name, found.row.fields.Status, values);
    if (sealed.length > 0) {
      return sendSalesforceError(res, 400, "INVALID_FIELD_FOR_INSERT_UPDATE", `Unable to update fields of an email message that is not a draft: ${sealed.join(", ")}`, sealed);
    }
    state.store.update(found.row, values, state.clock.now());
    res.status(204).end();
  };
}

/**
 * An EmailMessage whose Status is set and not Draft (`5`) was sent: Salesforce updates only its
 * IsExternallyVisible (and custom) fields then (object reference, EmailMessage, "update() is
 * supported when an email record is in Draft status"). Rows seeded without a Status stay editable.
 */
function sentEmailFields(object: string, status: unknown, values: Record<string, unknown>): string[] {
  if (object !== "EmailMessage" || typeof status !== "string" || status === "5") return [];
  return Object.keys(values).filter((name) => name !== "IsExternallyVisible");
}

/** `DELETE /sobjects/{type}/{id}` (S8): 204, the record moves to the Recycle Bin. */
export function deleteSObject(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    const found = recordOf(state, req, res);
    if (!found) return;
    const outcome = state.store.softDelete(found.row.id, state.clock.now());
    if (!outcome.ok) return sendSalesforceError(res, 400, outcome.statusCode, outcome.message, []);
    res.status(204).end();
  };
}

/** `GET /sobjects/ContentVersion/{id}/VersionData`: the file's bytes. */
export function getVersionData(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    req.params.type = "ContentVersion";
    const found = recordOf(state, req, res);
    if (!found) return;
    res.status(200).type("application/octetstream").send(Buffer.from(found.row.bytes ?? new Uint8Array()));
  };
}

/** `GET /sobjects/{type}/describe` (S14). */
export function getDescribe(): RequestHandler<Record<string, string>> {
  return (req, res) => {
    const version = apiVersionOf(req, res);
    if (!version) return;
    const object = objectSpec(req.params.type ?? "");
    if (!object) return sendSalesforceError(res, 404, "NOT_FOUND", "The requested resource does not exist");
    const base = `/services/data/v${version}/sobjects/${object.name}`;
    res.status(200).json({
      name: object.name,
      label: object.label,
      labelPlural: `${object.label}s`,
      keyPrefix: object.keyPrefix,
      custom: false,
      queryable: true,
      searchable: true,
      createable: true,
      updateable: true,
      deletable: true,
      undeletable: true,
      urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
      fields: object.fields.map((field) => ({
        name: field.name,
        label: field.label,
        type: field.type,
        soapType: field.type === "boolean" ? "xsd:boolean" : field.type === "int" ? "xsd:int" : field.type === "datetime" ? "xsd:dateTime" : field.type === "date" ? "xsd:date" : field.type === "id" || field.type === "reference" ? "tns:ID" : "xsd:string",
        length: field.type === "textarea" ? 32000 : ["string", "email", "phone", "picklist"].includes(field.type) ? 255 : field.type === "id" || field.type === "reference" ? 18 : 0,
        nillable: !field.required && field.type !== "boolean" && field.name !== "Id",
        createable: !field.readOnly,
        updateable: !field.readOnly,
        custom: false,
      })),
    });
  };
}

/** `GET /sobjects` (describeGlobal). */
export function getDescribeGlobal(): RequestHandler<Record<string, string>> {
  return (req, res) => {
    const version = apiVersionOf(req, res);
    if (!version) return;
    const objects = objectCatalogue.map((object) => object.name);
    res.status(200).json({
      encoding: "UTF-8",
      maxBatchSize: 200,
      sobjects: objects.map((name) => ({ name, label: name, queryable: true, urls: { sobject: `/services/data/v${version}/sobjects/${name}` } })),
    });
  };
}
