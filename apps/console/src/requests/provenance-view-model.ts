import type { ProvenanceGraph } from "@lethe/contracts";
import type { ProvenanceRound } from "./plan-review-view-model";

/**
 * The provenance graph folded into rounds for a nested list: each identifier under the round it
 * was first searched in, naming the record that revealed it; each record under the round that
 * first found it, naming the identifiers that found it.
 */
export function roundsOf(graph: ProvenanceGraph): ProvenanceRound[] {
  const labels = new Map<string, string>();
  for (const node of graph.nodes) {
    labels.set(node.id, node.kind === "identifier" ? `${node.identifierKind} ${node.value}` : `${node.label ?? node.type} ${node.recordId}`);
  }
  const byRound = new Map<number, ProvenanceRound>();
  const roundOf = (round: number) => {
    const existing = byRound.get(round) ?? { round, identifiers: [], records: [] };
    byRound.set(round, existing);
    return existing;
  };
  const sources = (id: string, kind: "found" | "revealed", side: "from" | "to") =>
    graph.edges.filter((edge) => edge.kind === kind && edge[side === "to" ? "to" : "from"] === id).map((edge) => labels.get(side === "to" ? edge.from : edge.to) ?? "?");
  for (const node of graph.nodes) {
    if (node.kind === "identifier") {
      roundOf(node.round).identifiers.push({
        id: node.id,
        label: labels.get(node.id) ?? node.id,
        provenance: node.provenance,
        strength: node.strength,
        revealedBy: sources(node.id, "revealed", "to"),
      });
    } else {
      roundOf(node.round).records.push({
        id: node.id,
        label: labels.get(node.id) ?? node.id,
        system: node.instanceName,
        strength: node.strength,
        foundBy: sources(node.id, "found", "to"),
      });
    }
  }
  return [...byRound.values()].sort((a, b) => a.round - b.round);
}
