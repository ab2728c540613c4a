import { describe, expect, it } from "vitest";
import { seedWorld, subjectCount } from "./seed-world";

const reservedDomain = /@([a-z0-9-]+\.)*example\.(com|org|net)$/;
const reservedPhone = /^\+(1(201|503|202|212|213|305|312|415|617|702|713)55501\d\d|44(207946|11[34678]496|121496|131496|141496|151496|161496|191498)0\d{3}|4420155501\d\d)$/;

describe("the seeded world", () => {
  const world = seedWorld({ seed: 1, extraPeople: 0 });

  it("is the same for the same seed and different for another", () => {
    expect(seedWorld({ seed: 1, extraPeople: 0 })).toEqual(world);
    expect(seedWorld({ seed: 2, extraPeople: 0 }).people[0]?.id).not.toBe(world.people[0]?.id);
  });

  it("has six subjects, each with five bystanders of their own, and the demo's separable subject", () => {
    const subjects = world.oraclePeople.filter((person) => person.role === "subject" && person.demo !== "clean");
    expect(subjects).toHaveLength(subjectCount);
    expect(subjects[0]?.demo).toBe("review");
    for (const subject of subjects) {
      expect(world.oraclePeople.filter((person) => person.bystanderOf === subject.id)).toHaveLength(5);
    }
  });

  it("gives one subject more than two default pages of notes, and every subject 2 to 60", () => {
    const subjects = world.oraclePeople.filter((person) => person.role === "subject");
    const counts = subjects.map((subject) => world.notes.filter((note) => note.personId === subject.id).length);
    expect(Math.max(...counts)).toBeGreaterThan(40);
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(2);
    for (const count of counts) expect(count).toBeLessThanOrEqual(60);
  });

  it("makes bystanders whose identifiers nearly match their subject's", () => {
    const subject = world.people[0];
    if (!subject) throw new Error("no subject");
    const [localPart, domain] = subject.email.split("@");
    const near = world.people.filter((person) => world.oraclePeople.find((p) => p.id === person.id)?.bystanderOf === subject.id);
    const emails = near.map((person) => person.email);
    expect(emails.some((email) => email.startsWith(`${localPart}+`) && email.endsWith(`@${domain}`))).toBe(true);
    expect(emails.some((email) => email.startsWith(`${localPart}@`) && !email.endsWith(`@${domain}`))).toBe(true);
    expect(emails.some((email) => !email.startsWith(`${localPart}`) && email.endsWith(`@${domain}`))).toBe(true);
    expect(near.filter((person) => person.phone === subject.phone)).toHaveLength(1);
    expect(near.some((person) => person.phone === `+44${subject.phone.slice(2)}`)).toBe(true);
    expect(emails).not.toContain(subject.email);
  });

  it("uses only reserved e-mail domains and fictional phone ranges", () => {
    const big = seedWorld({ seed: 3, extraPeople: 300 });
    for (const person of big.people) {
      expect(person.email).toMatch(reservedDomain);
      expect(person.phone).toMatch(reservedPhone);
    }
  });

  it("adds the requested extra people as subjects with records of their own", () => {
    const bigger = seedWorld({ seed: 1, extraPeople: 25 });
    expect(bigger.people).toHaveLength(world.people.length + 25);
    const extra = bigger.oraclePeople.slice(-25);
    for (const person of extra) {
      expect(person.role).toBe("subject");
      expect(bigger.notes.some((note) => note.personId === person.id)).toBe(true);
    }
  });

  it("gives every person unique ids, e-mail addresses and customer ids", () => {
    const big = seedWorld({ seed: 4, extraPeople: 500 });
    for (const field of ["id", "email", "customerId"] as const) {
      expect(new Set(big.people.map((person) => person[field])).size).toBe(big.people.length);
    }
  });
});
