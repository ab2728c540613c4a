import type { UnconsentedStretch } from "@lethe/core";

export type RemediationAction = "redact-party" | "delete-recording";

/** A stretch of one channel to mute. */
export interface ChannelSpan {
  channel: number;
  startMs: number;
  endMs: number;
}

/** Why a remediation cannot be planned for an entry, in words for the officer; undefined when it can. */
export function remediationRefusal(
  entry: { consented: boolean; channel: number | null; unconsented: readonly UnconsentedStretch[] },
  action: RemediationAction,
  abilities: { redact: boolean; erase: boolean },
): string | undefined {
  if (entry.consented || entry.unconsented.length === 0) return "this participant's recording does not lack consent";
  if (action === "redact-party") {
    if (entry.channel === null) return "this participant is on no channel of their own, so only deleting the recording removes them";
    if (!abilities.redact) return "this system cannot redact recordings; delete the recording instead";
  }
  if (action === "delete-recording" && !abilities.erase) return "this system cannot delete recordings";
  return undefined;
}

/**
 * What `redact-party` mutes: the participant's own channel over each stretch that lacks consent
 * — from joining (no consent) or from the withdrawal on — and nothing of anyone else's. Pure.
 */
export function remediationSpans(entry: { channel: number | null; unconsented: readonly UnconsentedStretch[] }): ChannelSpan[] {
  if (entry.channel === null) return [];
  const channel = entry.channel;
  return entry.unconsented.map((stretch) => ({ channel, startMs: stretch.fromMs, endMs: stretch.toMs }));
}
