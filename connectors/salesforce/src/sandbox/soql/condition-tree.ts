import type { ConditionWithValueQuery, NegationCondition, WhereClause } from "@jetstreamapp/soql-parser-js";

/** One comparison as the grammar gives it (`Email = 'a'`, `Id IN (…)`, a semi-join). */
export type GrammarCondition = Exclude<ConditionWithValueQuery, NegationCondition>;

/** AND, OR and NOT over conditions of some kind: the grammar's own, or the sandbox's. */
export type ConditionTree<Atom> = { kind: "and" | "or"; parts: ConditionTree<Atom>[] } | { kind: "not"; part: ConditionTree<Atom> } | Atom;

type Piece = { kind: "open" } | { kind: "close" } | { kind: "not" } | { kind: "join"; joiner: "and" | "or" } | { kind: "atom"; atom: GrammarCondition };

/**
 * The grammar hands a WHERE clause back as a chain (`left operator right`) whose conditions only
 * count the parentheses around them; precedence is for the reader to rebuild. This lays the chain
 * out again as written and reads it as Salesforce does: NOT binds to what follows, and AND and OR
 * may not be mixed at one level without parentheses (`a AND b OR c` is MALFORMED_QUERY).
 */
export function conditionTree<Atom>(where: WhereClause, atom: (condition: GrammarCondition) => Atom, unexpected: (token: string | undefined) => never): ConditionTree<Atom> {
  return new ConditionReader(flatten(where), atom, unexpected).read();
}

function flatten(where: WhereClause): Piece[] {
  const pieces: Piece[] = [];
  const repeat = (count: number | undefined, piece: Piece) => {
    for (let i = 0; i < (count ?? 0); i++) pieces.push(piece);
  };
  let node: WhereClause | undefined = where;
  while (node) {
    const left = node.left;
    if (left === null || !("operator" in left)) {
      // A negation: the parentheses written before NOT, then NOT; the negated part follows on the right.
      repeat(left?.openParen, { kind: "open" });
      pieces.push({ kind: "not" });
    } else {
      repeat(left.openParen, { kind: "open" });
      pieces.push({ kind: "atom", atom: left });
      repeat(left.closeParen, { kind: "close" });
      if ("operator" in node && (node.operator === "AND" || node.operator === "OR")) pieces.push({ kind: "join", joiner: node.operator === "AND" ? "and" : "or" });
    }
    node = "right" in node ? node.right : undefined;
  }
  return pieces;
}

class ConditionReader<Atom> {
  private i = 0;

  constructor(
    private readonly pieces: Piece[],
    private readonly atom: (condition: GrammarCondition) => Atom,
    private readonly unexpected: (token: string | undefined) => never,
  ) {}

  read(): ConditionTree<Atom> {
    const condition = this.condition();
    if (this.i < this.pieces.length) this.fail(this.pieces[this.i]);
    return condition;
  }

  private condition(): ConditionTree<Atom> {
    const first = this.unary();
    const joiner = this.joinerAt(this.i);
    if (!joiner) return first;
    const parts = [first];
    while (this.joinerAt(this.i) === joiner) {
      this.i++;
      parts.push(this.unary());
    }
    // `a AND b OR c` is refused by Salesforce: the precedence must be written out.
    if (this.joinerAt(this.i)) this.fail(this.pieces[this.i]);
    return { kind: joiner, parts };
  }

  private unary(): ConditionTree<Atom> {
    const piece = this.pieces[this.i++];
    if (piece?.kind === "not") return { kind: "not", part: this.unary() };
    if (piece?.kind === "atom") return this.atom(piece.atom);
    if (piece?.kind === "open") {
      const inner = this.condition();
      const close = this.pieces[this.i++];
      if (close?.kind !== "close") this.fail(close);
      return inner;
    }
    return this.fail(piece);
  }

  private joinerAt(index: number): "and" | "or" | undefined {
    const piece = this.pieces[index];
    return piece?.kind === "join" ? piece.joiner : undefined;
  }

  private fail(piece: Piece | undefined): never {
    if (!piece) return this.unexpected(undefined);
    switch (piece.kind) {
      case "join":
        return this.unexpected(piece.joiner.toUpperCase());
      case "open":
        return this.unexpected("(");
      case "close":
        return this.unexpected(")");
      case "not":
        return this.unexpected("NOT");
      case "atom":
        return this.unexpected("field" in piece.atom ? piece.atom.field : "(");
    }
  }
}
