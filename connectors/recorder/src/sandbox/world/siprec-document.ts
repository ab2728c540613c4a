import type { RecordingRow } from "./world";

/*
 * The recording's SIPREC metadata (RFC 7865), merged into one `complete` document as the recorder
 * stores it: the recording session's group and session, every participant with its nameID/@aor,
 * one stream per channel (label N carries channel N-1), and the associations that say which party
 * sent which stream. The CRM's contact id and queue travel as an extension element in a foreign
 * namespace under `session`, as contact-centre SRCs add them.
 */

const namespace = "urn:ietf:params:xml:ns:recording:1";
const extensionNamespace = "urn:example:contact-centre:1";

export function siprecDocument(recording: RecordingRow): string {
  const session = recording.sessionId;
  const customer = recording.participants.find((p) => p.role === "customer");
  const lines: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<recording xmlns="${namespace}">`,
    `  <datamode>complete</datamode>`,
    `  <group group_id="${recording.groupId}">`,
    `    <associate-time>${recording.startTime}</associate-time>`,
    `  </group>`,
    `  <session session_id="${session}">`,
    ...(recording.sipSessionId !== "" ? [`    <sipSessionID>${escape(recording.sipSessionId)}</sipSessionID>`] : []),
    `    <group-ref>${recording.groupId}</group-ref>`,
    `    <cc:contact xmlns:cc="${extensionNamespace}">`,
    ...(customer?.externalContactId ? [`      <cc:crmCustomerId>${escape(customer.externalContactId)}</cc:crmCustomerId>`] : []),
    ...(recording.queue !== "" ? [`      <cc:queue>${escape(recording.queue)}</cc:queue>`] : []),
    `    </cc:contact>`,
    `  </session>`,
  ];
  for (const participant of recording.participants) {
    lines.push(`  <participant participant_id="${participant.participantId}">`);
    lines.push(`    <nameID aor="${escape(participant.aor)}">`);
    if (participant.name !== null) lines.push(`      <name xml:lang="en">${escape(participant.name)}</name>`);
    lines.push(`    </nameID>`);
    lines.push(`  </participant>`);
  }
  recording.streamIds.forEach((streamId, channel) => {
    lines.push(`  <stream stream_id="${streamId}" session_id="${session}">`, `    <label>${channel + 1}</label>`, `  </stream>`);
  });
  lines.push(`  <sessionrecordingassoc session_id="${session}">`, `    <associate-time>${recording.startTime}</associate-time>`, `  </sessionrecordingassoc>`);
  for (const participant of recording.participants) {
    lines.push(
      `  <participantsessionassoc participant_id="${participant.participantId}" session_id="${session}">`,
      `    <associate-time>${participant.joinedAt}</associate-time>`,
      `  </participantsessionassoc>`,
    );
  }
  for (const participant of recording.participants) {
    if (participant.channel === null) continue;
    const sent = recording.streamIds[participant.channel];
    lines.push(`  <participantstreamassoc participant_id="${participant.participantId}">`);
    if (sent) lines.push(`    <send>${sent}</send>`);
    recording.streamIds.forEach((streamId, channel) => {
      if (channel !== participant.channel) lines.push(`    <recv>${streamId}</recv>`);
    });
    lines.push(`  </participantstreamassoc>`);
  }
  lines.push(`</recording>`, "");
  return lines.join("\n");
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
