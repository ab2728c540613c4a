import type { ProvenanceGraph } from "@lethe/runtime";

/**
 * The provenance graph as indented text, round by round: each identifier, the records it found
 * (and through which system), and the identifiers those records revealed for the next round.
 */
export function formatProvenance(graph: ProvenanceGraph): string {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const lines = [`rounds    ${graph.rounds} of at most ${graph.depth}`];
  const identifiers = graph.nodes.filter((node) => node.kind === "identifier").sort((a, b) => a.round - b.round);
  for (const identifier of identifiers) {
    lines.push(`round ${identifier.round}  ${identifier.identifierKind} ${identifier.value}  (${identifier.provenance}, ${identifier.strength})`);
    for (const edge of graph.edges.filter((candidate) => candidate.kind === "found" && candidate.from === identifier.id)) {
      const record = nodes.get(edge.to);
      if (record?.kind !== "record") continue;
      lines.push(`    found ${record.type}/${record.recordId} in ${record.instanceName}${edge.strength ? ` (${edge.strength})` : ""}`);
      for (const revealed of graph.edges.filter((candidate) => candidate.kind === "revealed" && candidate.from === record.id)) {
        const next = nodes.get(revealed.to);
        if (next?.kind === "identifier") lines.push(`        revealed ${next.identifierKind} ${next.value} → round ${next.round}`);
      }
    }
  }
  return lines.join("\n");
}
