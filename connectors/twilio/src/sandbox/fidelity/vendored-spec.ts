import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/*
 * Twilio's own OpenAPI 3.0 description of the 2010-04-01 API (spec/twilio_api_v2010.json, vendored
 * from twilio/twilio-oai), read by the sandbox's fidelity tests. Test-side only: the published
 * sandbox never loads it.
 */

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header";
  schema?: { type?: string; pattern?: string; $ref?: string };
}

interface SpecOperation {
  operationId: string;
  parameters?: SpecParameter[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface SpecSchema {
  type?: string;
  properties?: Record<string, unknown>;
  [keyword: string]: unknown;
}

interface TwilioSpec {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, SpecSchema> };
}

const specFile = new URL("../../../spec/twilio_api_v2010.json", import.meta.url);
const specId = "twilio-api-v2010";

export function loadTwilioSpec(): TwilioSpec {
  return JSON.parse(readFileSync(specFile, "utf8")) as TwilioSpec;
}

/** `/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json` → `/2010-04-01/Accounts/{}/Calls/{}.json`: templates compared without parameter names. */
export function templateShape(template: string): string {
  return template.replace(/\{[^}]+\}/g, "{}");
}

/** An Express path (`/…/:CallSid/Recordings.json`) written as an OpenAPI template (`/…/{CallSid}/Recordings.json`). */
export function openApiTemplate(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z]+)/g, "{$1}");
}

export interface FoundOperation {
  /** The spec's own template (its parameter names may differ from the sandbox's). */
  template: string;
  /** Lower case, as the spec's keys. */
  method: string;
  operation: SpecOperation;
}

export function findOperation(spec: TwilioSpec, expressPath: string, method: string): FoundOperation | undefined {
  const shape = templateShape(openApiTemplate(expressPath));
  const template = Object.keys(spec.paths).find((candidate) => templateShape(candidate) === shape);
  const lowerMethod = method.toLowerCase();
  const operation = template === undefined ? undefined : spec.paths[template]?.[lowerMethod];
  return template !== undefined && operation !== undefined ? { template, method: lowerMethod, operation: operation as SpecOperation } : undefined;
}

/** The spec's path parameters in order of appearance, with the SID pattern each must match. */
export function pathParameters(found: FoundOperation): SpecParameter[] {
  const names = [...found.template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  return names.map((name) => {
    const parameter = found.operation.parameters?.find((candidate) => candidate.in === "path" && candidate.name === name);
    if (!parameter) throw new Error(`${found.operation.operationId}: no path parameter ${String(name)} declared`);
    return parameter;
  });
}

export function queryParameterNames(found: FoundOperation): string[] {
  return (found.operation.parameters ?? []).filter((parameter) => parameter.in === "query").map((parameter) => parameter.name);
}

/** RFC 2822 as Twilio writes it: `Fri, 14 Oct 2016 21:56:34 +0000`. */
const rfc2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

/**
 * Every object schema of the spec made closed and complete: Twilio sends every field of a
 * resource (null when it has no value), and nothing the spec does not name. The spec itself
 * declares neither `required` nor `additionalProperties`, so without this an empty object would
 * validate.
 */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== "object") return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = key === "properties" ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, schema]) => [name, closeObjects(schema)])) : closeObjects(value);
  // OpenAPI's `nullable` needs a `type` in Ajv; a typeless one (`encryption_details`) allows any value anyway.
  if (copy.nullable === true && copy.type === undefined) delete copy.nullable;
  const properties = copy.properties as Record<string, unknown> | undefined;
  // `subresource_uris` and the like are free-form maps (`format: uri-map`): only objects with declared properties are closed.
  if (copy.type === "object" && properties && Object.keys(properties).length > 0) {
    copy.required = Object.keys(properties);
    copy.additionalProperties = false;
  }
  return copy;
}

/**
 * Where the spec's schema contradicts the spec's own examples and what api.twilio.com sends, the
 * examples win: a call recording's `price` is a string (`"-0.0025"` in the spec's example for
 * `GET Calls/{CallSid}/Recordings.json`), as on every other resource, though typed `number`.
 */
export const specErrata: { schema: string; property: string; correction: Record<string, unknown>; why: string }[] = [
  { schema: "api.v2010.account.call.call_recording", property: "price", correction: { type: "string", nullable: true }, why: "the spec's own example sends \"-0.0025\"" },
];

function applyErrata(components: TwilioSpec["components"]): TwilioSpec["components"] {
  const schemas = { ...components.schemas };
  for (const erratum of specErrata) {
    const schema = schemas[erratum.schema];
    if (!schema?.properties?.[erratum.property]) throw new Error(`spec erratum for ${erratum.schema}.${erratum.property} no longer applies`);
    schemas[erratum.schema] = { ...schema, properties: { ...schema.properties, [erratum.property]: erratum.correction } };
  }
  return { ...components, schemas };
}

/** Validators of the spec's response bodies, by operation and status. */
export class ResponseValidators {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });

  constructor(spec: TwilioSpec) {
    addFormats(this.ajv, ["date-time", "date", "int32", "int64", "uri-reference"]);
    this.ajv.addFormat("date-time-rfc-2822", rfc2822);
    // Twilio's `uri`, `first_page_uri`, `next_page_uri`… are paths relative to api.twilio.com
    // (`/2010-04-01/Accounts/…`), which the spec labels `format: uri`; read as URI references.
    this.ajv.addFormat("uri", (value: string) => /^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(value));
    this.ajv.addFormat("currency", /^[A-Z]{3}$/);
    // `from` of a message is a number, a short code or an alphanumeric sender id, and calls carry `sip:`/`client:` legs.
    this.ajv.addFormat("phone-number", true);
    // Declared on objects (`subresource_uris`), where formats do not apply: named only so Ajv does not warn.
    this.ajv.addFormat("uri-map", true);
    this.ajv.addSchema({ $id: specId, ...(closeObjects({ paths: spec.paths, components: applyErrata(spec.components) }) as object) });
  }

  /** The validator of one operation's response body for `status`, or undefined when the spec gives that status no JSON body. */
  forResponse(found: FoundOperation, status: number): ValidateFunction | undefined {
    if (!found.operation.responses[String(status)]?.content?.["application/json"]) return undefined;
    const pointer = ["paths", found.template, found.method, "responses", String(status), "content", "application/json", "schema"].map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
    return this.ajv.compile({ $ref: `${specId}#/${pointer}` });
  }
}
