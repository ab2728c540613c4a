import { MalformedQuery } from "../malformed-query";
import { literalValue, tokenize, type Token } from "./soql-tokens";

export type Literal = string | number | boolean | null;

export type Condition =
  | { kind: "and" | "or"; parts: Condition[] }
  | { kind: "not"; part: Condition }
  | { kind: "compare"; field: string; op: "=" | "!=" | "<" | ">" | "<=" | ">="; value: Literal }
  | { kind: "like"; field: string; pattern: string }
  | { kind: "in"; field: string; values: Literal[]; negated: boolean };

export interface SoqlQuery {
  fields: string[];
  object: string;
  where?: Condition;
  orderBy: { field: string; descending: boolean; nullsLast: boolean }[];
  limit?: number;
  offset?: number;
}

const reserved = new Set(["select", "from", "where", "and", "or", "not", "like", "in", "order", "by", "limit", "offset", "asc", "desc", "nulls", "first", "last", "null", "true", "false", "all", "rows"]);

/**
 * The SOQL subset the connector and jsforce send (vendor-apis.md §1.8): `SELECT f, … FROM Obj
 * [WHERE …] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], …] [LIMIT n] [OFFSET n]`, with `=, !=, <>,
 * <, >, <=, >=, LIKE, IN, NOT IN`, `AND`, `OR`, `NOT` and parentheses. As in Salesforce, AND and OR
 * may not be mixed at one level without parentheses. Anything else is MALFORMED_QUERY.
 */
export function parseSoql(soql: string): SoqlQuery {
  return new Parser(tokenize(soql), soql).query();
}

class Parser {
  private i = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  query(): SoqlQuery {
    this.keyword("select");
    const fields = [this.name()];
    while (this.symbolIs(",")) {
      this.i++;
      fields.push(this.name());
    }
    this.keyword("from");
    const object = this.name();
    const query: SoqlQuery = { fields, object, orderBy: [] };
    if (this.keywordIs("where")) {
      this.i++;
      query.where = this.condition();
    }
    if (this.keywordIs("order")) {
      this.i++;
      this.keyword("by");
      do {
        if (this.symbolIs(",")) this.i++;
        const field = this.name();
        let descending = false;
        if (this.keywordIs("asc")) this.i++;
        else if (this.keywordIs("desc")) {
          this.i++;
          descending = true;
        }
        let nullsLast = descending;
        if (this.keywordIs("nulls")) {
          this.i++;
          if (this.keywordIs("first")) nullsLast = false;
          else if (this.keywordIs("last")) nullsLast = true;
          else this.unexpected();
          this.i++;
        }
        query.orderBy.push({ field, descending, nullsLast });
      } while (this.symbolIs(","));
    }
    if (this.keywordIs("limit")) {
      this.i++;
      query.limit = this.count();
    }
    if (this.keywordIs("offset")) {
      this.i++;
      query.offset = this.count();
    }
    if (this.i < this.tokens.length) this.unexpected();
    return query;
  }

  private condition(): Condition {
    const first = this.unary();
    const joiner = this.keywordIs("and") ? "and" : this.keywordIs("or") ? "or" : undefined;
    if (!joiner) return first;
    const parts = [first];
    while (this.keywordIs(joiner)) {
      this.i++;
      parts.push(this.unary());
    }
    // `a AND b OR c` is refused by Salesforce: the precedence must be written out.
    if (this.keywordIs(joiner === "and" ? "or" : "and")) this.unexpected();
    return { kind: joiner, parts };
  }

  private unary(): Condition {
    if (this.keywordIs("not")) {
      this.i++;
      return { kind: "not", part: this.unary() };
    }
    if (this.symbolIs("(")) {
      this.i++;
      const inner = this.condition();
      this.symbol(")");
      return inner;
    }
    const field = this.name();
    if (this.keywordIs("like")) {
      this.i++;
      const token = this.next();
      if (token?.kind !== "string") this.unexpected(token);
      return { kind: "like", field, pattern: token.value };
    }
    if (this.keywordIs("not") || this.keywordIs("in")) {
      const negated = this.keywordIs("not");
      if (negated) this.i++;
      this.keyword("in");
      this.symbol("(");
      const values = [this.literal()];
      while (this.symbolIs(",")) {
        this.i++;
        values.push(this.literal());
      }
      this.symbol(")");
      return { kind: "in", field, values, negated };
    }
    const token = this.next();
    if (token?.kind !== "symbol" || !["=", "!=", "<>", "<", ">", "<=", ">="].includes(token.text)) this.unexpected(token);
    const op = token.text === "<>" ? "!=" : (token.text as "=" | "!=" | "<" | ">" | "<=" | ">=");
    return { kind: "compare", field, op, value: this.literal() };
  }

  private literal(): Literal {
    const token = this.next();
    if (token?.kind === "string") return literalValue(token.value);
    if (token?.kind === "number") return token.value;
    if (token?.kind === "word") {
      const lower = token.text.toLowerCase();
      if (lower === "null") return null;
      if (lower === "true") return true;
      if (lower === "false") return false;
      if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(token.text)) return token.text;
    }
    return this.unexpected(token);
  }

  private name(): string {
    const token = this.next();
    if (token?.kind !== "word" || reserved.has(token.text.toLowerCase()) || !/^[A-Za-z][A-Za-z0-9_.]*$/.test(token.text)) this.unexpected(token);
    return token.text;
  }

  private count(): number {
    const token = this.next();
    if (token?.kind !== "number" || !Number.isInteger(token.value) || token.value < 0) this.unexpected(token);
    return token.value;
  }

  private keyword(word: string): void {
    if (!this.keywordIs(word)) this.unexpected();
    this.i++;
  }

  private symbol(text: string): void {
    if (!this.symbolIs(text)) this.unexpected();
    this.i++;
  }

  private keywordIs(word: string): boolean {
    const token = this.tokens[this.i];
    return token?.kind === "word" && token.text.toLowerCase() === word;
  }

  private symbolIs(text: string): boolean {
    const token = this.tokens[this.i];
    return token?.kind === "symbol" && token.text === text;
  }

  private next(): Token | undefined {
    return this.tokens[this.i++];
  }

  private unexpected(token: Token | undefined = this.tokens[this.i]): never {
    if (!token) throw new MalformedQuery(`\n${this.source}\n^\nERROR at Row:1:Column:${this.source.length}\nunexpected end of query`);
    const text = token.kind === "string" ? token.raw : token.kind === "number" ? String(token.value) : token.text;
    throw new MalformedQuery(`\n${this.source}\n${" ".repeat(token.at)}^\nERROR at Row:1:Column:${token.at + 1}\nunexpected token: '${text}'`);
  }
}
