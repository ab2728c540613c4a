/*
 * Test support: SIPREC metadata (RFC 7865) for an uploaded call, as a contact-centre SRC sends it:
 * a caller and an agent, one stream each (label 1 the caller's, channel 0), the contact-centre
 * extension naming roles, the caller's e-mail and CRM id.
 */

export const ids = {
  group: "49LrczWORzKiOMVxOdTeCw==",
  session: "VG+duW68QLShhxZii+/a1w==",
  caller: "fq3/4HroSu2Ir5+mmvtuaA==",
  agent: "nS0nex6cTpO2BaTSDqF0ag==",
  callerStream: "mFDuSkPST7Gc7KbMRAo1hQ==",
  agentStream: "CYk2vBvmQcmD8cxNpm63rQ==",
};

export interface Caller {
  aor: string;
  name: string;
  email?: string;
  crmId?: string;
}

export function siprecUpload(caller: Caller, startTime = "2025-11-03T14:05:00Z"): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<recording xmlns="urn:ietf:params:xml:ns:recording:1" xmlns:cc="urn:example:contact-centre:1">
  <datamode>complete</datamode>
  <group group_id="${ids.group}">
    <associate-time>${startTime}</associate-time>
  </group>
  <session session_id="${ids.session}">
    <sipSessionID>ab30317f1a784dc48ff824d0d3715d86;remote=47755a9de7794ba387653f2099600ef2</sipSessionID>
    <group-ref>${ids.group}</group-ref>
    <cc:contact><cc:queue>billing-us</cc:queue></cc:contact>
  </session>
  <participant participant_id="${ids.caller}">
    <nameID aor="${caller.aor}">
      <name xml:lang="en">${caller.name}</name>
    </nameID>
    <cc:role>customer</cc:role>
    ${caller.email ? `<cc:email>${caller.email}</cc:email>` : ""}
    ${caller.crmId ? `<cc:crmCustomerId>${caller.crmId}</cc:crmCustomerId>` : ""}
  </participant>
  <participant participant_id="${ids.agent}">
    <nameID aor="sip:agent.1042@cc.example.com">
      <name xml:lang="en">Agent 1042</name>
    </nameID>
    <cc:role>agent</cc:role>
  </participant>
  <stream stream_id="${ids.callerStream}" session_id="${ids.session}"><label>1</label></stream>
  <stream stream_id="${ids.agentStream}" session_id="${ids.session}"><label>2</label></stream>
  <sessionrecordingassoc session_id="${ids.session}">
    <associate-time>${startTime}</associate-time>
  </sessionrecordingassoc>
  <participantsessionassoc participant_id="${ids.caller}" session_id="${ids.session}">
    <associate-time>${startTime}</associate-time>
  </participantsessionassoc>
  <participantstreamassoc participant_id="${ids.caller}">
    <send>${ids.callerStream}</send>
    <recv>${ids.agentStream}</recv>
  </participantstreamassoc>
  <participantstreamassoc participant_id="${ids.agent}">
    <send>${ids.agentStream}</send>
    <recv>${ids.callerStream}</recv>
  </participantstreamassoc>
</recording>
`;
}
