import type { RecordRef } from "@lethe/connector-sdk";

/*
 * The ids of the connector's refs. Zendesk has no single-record endpoint for identities (without
 * their user) or comments (without their ticket), so those refs carry their parents' ids.
 *
 *   user                 {userId}
 *   identity             {userId}:{identityId}
 *   ticket               {ticketId}                      requested by the person
 *   ticket_participation {ticketId}:{userId}             CC, follower or submitter of another's ticket
 *   comment              {ticketId}:{commentId}          written by the person on another's ticket
 *   comment_mention      {ticketId}:{commentId}:{key}    someone else's comment naming the person
 */

export class RefIdError extends TypeError {}

function numbers(ref: RecordRef, parts: number): number[] {
  const pieces = ref.id.split(":");
  const ids = pieces.slice(0, parts).map(Number);
  if (pieces.length < parts || ids.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
    throw new RefIdError(`"${ref.id}" is not a ${ref.type} id of the Zendesk connector`);
  }
  return ids;
}

export function pair(ref: RecordRef): [number, number] {
  const [a = 0, b = 0] = numbers(ref, 2);
  return [a, b];
}

export function single(ref: RecordRef): number {
  return numbers(ref, 1)[0] ?? 0;
}

export function mentionParts(ref: RecordRef): { ticketId: number; commentId: number; key: string } {
  const [ticketId, commentId] = pair(ref);
  const key = ref.id.split(":")[2];
  if (!key || !/^[0-9a-f]{16}$/.test(key)) throw new RefIdError(`"${ref.id}" is not a comment_mention id`);
  return { ticketId, commentId, key };
}
