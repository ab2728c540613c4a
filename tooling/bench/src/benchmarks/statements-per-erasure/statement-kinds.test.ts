import { describe, expect, it } from "vitest";
import { statementKind, statementSource } from "./statement-kinds";

describe("statement kinds as pg_stat_statements shows them", () => {
  it("counts a statement under its first keyword", () => {
    expect(statementKind("select * from requests where id = $1")).toBe("select");
    expect(statementKind('  INSERT into "located_records" values ($1)')).toBe("insert");
    expect(statementKind("begin")).toBe("begin");
    expect(statementKind("START TRANSACTION ISOLATION LEVEL SERIALIZABLE")).toBe("begin");
    expect(statementKind("commit")).toBe("commit");
    expect(statementKind("rollback")).toBe("other");
    expect(statementKind("listen \"jobs:insert\"")).toBe("other");
  });

  it("counts a CTE under its main statement's verb", () => {
    expect(statementKind("with t as (select 1) update x set a = 1 from t")).toBe("update");
    expect(statementKind("with t as (select 1) select * from t")).toBe("select");
  });

  it("tells graphile-worker's job handling from our code, queueing a job being ours", () => {
    expect(statementSource("with j as (select … from graphile_worker._private_jobs) update …")).toBe("graphile-worker");
    expect(statementSource("select graphile_worker.add_job($1, $2)")).toBe("lethe");
    expect(statementSource("select * from requests")).toBe("lethe");
  });
});
