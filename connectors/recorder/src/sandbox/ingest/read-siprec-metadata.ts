import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ParticipantRow } from "../world/world";
import { UploadRefusedError } from "./upload-refused";

/*
 * Reads an uploaded SIPREC recording metadata document (RFC 7865, `application/rs-metadata+xml`
 * as RFC 7866 carries it) into what the recorder keeps of a call. Only a `complete` document is
 * taken (a `partial` one updates a session the recorder already holds, which an upload does not),
 * every reference must resolve, and the contact-centre extension (urn:example:contact-centre:1,
 * API.md "Upload a recording") gives each party's role, e-mail and CRM id. Without a role, the
 * recorder's own convention decides: the party sending stream label 1 (channel 0) is the customer,
 * any other sending party an agent, a party sending nothing a third party.
 *
 * Hostile XML: a document type declaration is refused before parsing, so no entity is ever
 * defined, let alone expanded or fetched (no billion laughs, no XXE); the parser then sees the
 * five predefined entities only.
 */

export const siprecNamespace = "urn:ietf:params:xml:ns:recording:1";
export const maxMetadataParticipants = 64;
/* RFC 7865 documents are a few levels deep; a deeper one is an attack on the parser's stack. */
const maxNestedTags = 32;

export interface SiprecParty {
  participantId: string;
  aor: string;
  name: string | null;
  /** From the extension; undefined until the default is applied. */
  role: ParticipantRow["role"] | undefined;
  email: string | null;
  externalContactId: string | null;
  /** The associate-time of its participantsessionassoc, if given. */
  joinedAt: string | null;
  /** The label of the stream it sends (label N is channel N-1), null when it sends none. */
  sentLabel: number | null;
}

export interface SiprecMetadata {
  groupId: string | null;
  sessionId: string;
  sipSessionId: string;
  /** The earliest associate-time the document gives for the session or its group. */
  startTime: string | null;
  queue: string;
  /** Stream ids by label (1-based), in label order. */
  streams: { streamId: string; label: number }[];
  participants: (SiprecParty & { role: ParticipantRow["role"] })[];
}

/** The metadata part's problems. */
export class SiprecMetadataError extends UploadRefusedError {}

type XmlNode = Record<string, unknown>;

const rawParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, parseAttributeValue: false, maxNestedTags });
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  maxNestedTags,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const roles = new Set(["customer", "agent", "third-party"]);

export function readSiprecMetadata(xml: string): SiprecMetadata {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new SiprecMetadataError(["metadata: a document type declaration (DTD or entity) is not accepted in SIPREC metadata."]);
  }
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    throw new SiprecMetadataError([`metadata is not well-formed XML (line ${wellFormed.err.line}, column ${wellFormed.err.col}): ${wellFormed.err.msg}`]);
  }
  checkRoot(parsed(rawParser, xml));
  const root = first(parsed(parser, xml).recording);
  if (!isNode(root)) throw new SiprecMetadataError(["metadata: the root element must be <recording>."]);
  return readRecording(root);
}

/* The parser's own refusals (too deep, say) are the document's problems, not the recorder's failure. */
function parsed(reader: XMLParser, xml: string): XmlNode {
  try {
    return reader.parse(xml) as XmlNode;
  } catch (error) {
    throw new SiprecMetadataError([`metadata could not be read: ${error instanceof Error ? error.message : String(error)}.`]);
  }
}

/* The root is one `recording` element in the RFC 7865 namespace, with or without a prefix. */
function checkRoot(document: XmlNode): void {
  const elements = Object.keys(document).filter((key) => !key.startsWith("?") && key !== "#text");
  const [name] = elements;
  if (elements.length !== 1 || name === undefined) throw new SiprecMetadataError(["metadata must have exactly one root element."]);
  const [prefix, local] = name.includes(":") ? name.split(":", 2) : [undefined, name];
  const element = document[name];
  const declared = isNode(element) ? element[prefix === undefined ? "@xmlns" : `@xmlns:${prefix}`] : undefined;
  if (local !== "recording" || declared !== siprecNamespace) {
    throw new SiprecMetadataError([`metadata: the root element must be <recording> in the ${siprecNamespace} namespace.`]);
  }
}

function readRecording(root: XmlNode): SiprecMetadata {
  const problems: string[] = [];
  const datamode = text(first(root.datamode));
  if (datamode !== "complete") problems.push(`metadata: datamode must be "complete" for an upload (got ${JSON.stringify(datamode ?? null)}).`);

  const groups = nodes(root.group);
  const groupIds = new Set(groups.map((group) => attribute(group, "group_id")).filter((id): id is string => id !== undefined));
  const sessions = nodes(root.session);
  const session = sessions[0];
  const sessionId = session ? attribute(session, "session_id") : undefined;
  if (sessions.length !== 1) problems.push(`metadata: an upload holds exactly one <session> (found ${sessions.length}).`);
  const sessionIds = new Set(sessions.map((s) => attribute(s, "session_id")));
  for (const [index, node] of sessions.entries()) checkId(problems, `session[${index}]@session_id`, attribute(node, "session_id"));
  for (const [index, node] of groups.entries()) checkId(problems, `group[${index}]@group_id`, attribute(node, "group_id"));
  const groupRef = session ? text(first(session["group-ref"])) : undefined;
  if (groupRef !== undefined && !groupIds.has(groupRef)) problems.push(`metadata: session group-ref ${groupRef} names no <group>.`);

  const streams = nodes(root.stream).map((node, index) => {
    const streamId = attribute(node, "stream_id");
    checkId(problems, `stream[${index}]@stream_id`, streamId);
    const streamSession = attribute(node, "session_id");
    if (!sessionIds.has(streamSession)) problems.push(`metadata: stream[${index}] refers to an unknown session ${JSON.stringify(streamSession ?? null)}.`);
    const label = Number(text(first(node.label)));
    if (!Number.isInteger(label) || label < 1) problems.push(`metadata: stream[${index}] needs a <label> that is a positive whole number (label N is channel N-1).`);
    return { streamId: streamId ?? "", label };
  });
  const streamIds = new Set(streams.map((s) => s.streamId));
  if (streamIds.size !== streams.length) problems.push("metadata: two streams share a stream_id.");
  if (new Set(streams.map((s) => s.label)).size !== streams.length) problems.push("metadata: two streams share a label.");

  const participantNodes = nodes(root.participant);
  if (participantNodes.length === 0) problems.push("metadata: a recording needs at least one <participant>.");
  if (participantNodes.length > maxMetadataParticipants) problems.push(`metadata: more than ${maxMetadataParticipants} participants.`);
  const parties = participantNodes.map((node, index) => readParty(problems, node, index));
  const partyIds = new Set(parties.map((p) => p.participantId));
  if (partyIds.size !== parties.length) problems.push("metadata: two participants share a participant_id.");
  const partyOf = (id: string | undefined, where: string) => {
    const party = parties.find((p) => p.participantId === id);
    if (!party) problems.push(`metadata: ${where} refers to an unknown participant ${JSON.stringify(id ?? null)}.`);
    return party;
  };

  for (const [index, node] of nodes(root.participantsessionassoc).entries()) {
    const party = partyOf(attribute(node, "participant_id"), `participantsessionassoc[${index}]`);
    if (!sessionIds.has(attribute(node, "session_id"))) problems.push(`metadata: participantsessionassoc[${index}] refers to an unknown session.`);
    const at = time(problems, `participantsessionassoc[${index}]`, node);
    if (party && at !== undefined) party.joinedAt = at;
  }
  for (const [index, node] of nodes(root.participantstreamassoc).entries()) {
    const where = `participantstreamassoc[${index}]`;
    const party = partyOf(attribute(node, "participant_id"), where);
    const sent = (Array.isArray(node.send) ? node.send : []).map((s) => text(s) ?? "");
    const received = (Array.isArray(node.recv) ? node.recv : []).map((s) => text(s) ?? "");
    for (const id of [...sent, ...received]) if (!streamIds.has(id)) problems.push(`metadata: ${where} refers to an unknown stream ${JSON.stringify(id)}.`);
    if (sent.length > 1) problems.push(`metadata: ${where} sends ${sent.length} streams; the recorder keeps one channel per party.`);
    const label = streams.find((s) => s.streamId === sent[0])?.label;
    if (party && label !== undefined) party.sentLabel = label;
  }

  for (const party of parties) {
    party.role ??= party.sentLabel === 1 ? "customer" : party.sentLabel === null ? "third-party" : "agent";
  }
  const times = [
    ...groups.map((g, i) => time(problems, `group[${i}]`, g)),
    ...nodes(root.sessionrecordingassoc).map((a, i) => time(problems, `sessionrecordingassoc[${i}]`, a)),
  ].filter((t): t is string => t !== undefined);
  const contact = session ? nodes(session.contact)[0] : undefined;
  const sessionCrmId = contact ? text(first(contact.crmCustomerId)) : undefined;
  const customer = parties.find((p) => p.role === "customer");
  if (customer && customer.externalContactId === null && sessionCrmId) customer.externalContactId = sessionCrmId;

  if (problems.length > 0) throw new SiprecMetadataError(problems);
  return {
    groupId: [...groupIds][0] ?? null,
    sessionId: sessionId ?? "",
    sipSessionId: (session && text(first(session.sipSessionID))) ?? "",
    startTime: times.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null,
    queue: (contact && text(first(contact.queue))) ?? "",
    streams: [...streams].sort((a, b) => a.label - b.label),
    participants: parties.map((party) => ({ ...party, role: party.role ?? "third-party" })),
  };
}

function readParty(problems: string[], node: XmlNode, index: number): SiprecParty {
  const where = `participant[${index}]`;
  const participantId = attribute(node, "participant_id");
  checkId(problems, `${where}@participant_id`, participantId);
  const nameIds = nodes(node.nameID);
  const aor = nameIds.length === 1 && nameIds[0] ? attribute(nameIds[0], "aor") : undefined;
  if (aor === undefined) problems.push(`metadata: ${where} needs exactly one <nameID> with an aor.`);
  else if (!isPartyAddress(aor)) problems.push(`metadata: ${where} aor ${JSON.stringify(aor)} is not a tel:, sip:, sips: or mailto: URI.`);
  const name = nameIds[0] ? text(first(nameIds[0].name)) : undefined;
  const role = text(first(node.role));
  if (role !== undefined && !roles.has(role)) problems.push(`metadata: ${where} role ${JSON.stringify(role)} is not customer, agent or third-party.`);
  const mailbox = aor !== undefined && isPartyAddress(aor) && /^mailto:/i.test(aor) ? decodeURIComponent(aor.slice("mailto:".length)) : undefined;
  const email = text(first(node.email)) ?? mailbox;
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) problems.push(`metadata: ${where} e-mail ${JSON.stringify(email)} is not an address.`);
  return {
    participantId: participantId ?? "",
    aor: aor ?? "",
    name: name ?? null,
    role: role as SiprecParty["role"] | undefined,
    email: email ?? null,
    externalContactId: text(first(node.crmCustomerId)) ?? null,
    joinedAt: null,
    sentLabel: null,
  };
}

/**
 * A `tel:`, `sip:`, `sips:` or `mailto:` URI without spaces whose percent-escapes decode: the
 * search and the people matching decode them later, and must never fail on a stored address.
 */
export function isPartyAddress(aor: string): boolean {
  if (!/^(tel|sips?|mailto):\S+$/i.test(aor)) return false;
  try {
    decodeURIComponent(aor);
    return true;
  } catch {
    return false;
  }
}

function checkId(problems: string[], where: string, id: string | undefined): void {
  if (id === undefined) problems.push(`metadata: ${where} is required.`);
  else if (!base64.test(id)) problems.push(`metadata: ${where} ${JSON.stringify(id)} is not base64.`);
}

/* The element's associate-time, which must be an xs:dateTime when present. */
function time(problems: string[], where: string, node: XmlNode): string | undefined {
  const value = text(first(node["associate-time"]));
  if (value === undefined) return undefined;
  if (!dateTime.test(value) || Number.isNaN(Date.parse(value))) {
    problems.push(`metadata: ${where} associate-time ${JSON.stringify(value)} is not an xs:dateTime.`);
    return undefined;
  }
  return new Date(value).toISOString();
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function first(value: unknown): unknown {
  const items: unknown = value;
  return Array.isArray(items) ? (items as unknown[])[0] : items;
}

function nodes(value: unknown): XmlNode[] {
  const items: unknown[] = Array.isArray(value) ? value : [];
  return items.map((item) => (isNode(item) ? item : { "#text": item }));
}

function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@${name}`];
  return typeof value === "string" ? value : undefined;
}

/* An element's text: a plain string, or `#text` beside its attributes; undefined when empty. */
function text(value: unknown): string | undefined {
  const raw = isNode(value) ? value["#text"] : value;
  if (typeof raw !== "string" && typeof raw !== "number") return undefined;
  const trimmed = String(raw).trim();
  return trimmed === "" ? undefined : trimmed;
}
