import { fixtureWorld, recorderWorldSchema } from "./fixture-world";
import type { RecordingRow } from "./world";

/**
 * Two calls of the seeded world that lack someone's consent to be recorded, for the demo and the
 * console's consent screen: a party conferenced in on a channel of their own who was never told,
 * and a caller who withdrew consent mid-call. Written as fixture calls (the same synthesis, SIPREC
 * metadata and consent events); their parties are nobody the oracle knows, so no request's
 * expectations change. `phone` hands out numbers from the seeded world's reserved pool.
 */
export function consentScenarioCalls(seed: number, phone: () => string): RecordingRow[] {
  const agent = { aor: "sip:agent.2210@cc.example.com", name: "Agent 2210", role: "agent", channel: 1 };
  const world = recorderWorldSchema.parse({
    calls: [
      {
        id: "rec_consentconference",
        startTime: "2025-06-10T14:05:00Z",
        queue: "cards-us",
        participants: [
          { aor: `tel:${phone()}`, role: "customer", channel: 0, consent: "given" },
          agent,
          { aor: `tel:${phone()}`, role: "third-party", channel: 2, joinedAtMs: 3000 },
        ],
        lines: [
          { participant: 1, text: "Thank you for calling card services how can I help" },
          { participant: 0, text: "I would like to add my partner to the card account" },
          { participant: 2, text: "Hello I am the partner joining the call now" },
          { participant: 1, text: "Thank you I can see the account" },
          { participant: 2, text: "Please send the new card to our home address" },
        ],
      },
      {
        id: "rec_consentwithdrawn",
        startTime: "2025-06-11T09:30:00Z",
        queue: "billing-us",
        participants: [{ aor: `tel:${phone()}`, role: "customer", channel: 0, consent: "given", withdrawnAtMs: 4500 }, agent],
        lines: [
          { participant: 1, text: "Good morning you are through to billing" },
          { participant: 0, text: "Hi I am calling about my last invoice" },
          { participant: 0, text: "Actually please stop recording this call now" },
          { participant: 1, text: "Of course I understand" },
          { participant: 0, text: "The invoice shows a charge I did not expect" },
        ],
      },
    ],
  });
  return fixtureWorld(world, seed).recordings;
}
