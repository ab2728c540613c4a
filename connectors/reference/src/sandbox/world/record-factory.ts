import type { Faker } from "@faker-js/faker";
import { worldEnd, type PersonFactory } from "./person-factory";
import type { AttachmentRow, NoteRow, PersonRow } from "./world";

const attachmentKinds = [
  { stem: "invoice", extension: "pdf", contentType: "application/pdf", magic: "%PDF-1.4\n" },
  { stem: "contract", extension: "pdf", contentType: "application/pdf", magic: "%PDF-1.4\n" },
  { stem: "photo", extension: "png", contentType: "image/png", magic: "\x89PNG\r\n\x1a\n" },
  { stem: "letter", extension: "txt", contentType: "text/plain", magic: "" },
] as const;

/** Notes and attachments about one person, dated after the person was created. */
export class RecordFactory {
  constructor(
    private readonly faker: Faker,
    private readonly people: PersonFactory,
  ) {}

  notes(person: PersonRow, count: number): NoteRow[] {
    return Array.from({ length: count }, () => ({
      id: this.people.uniqueId("nte_"),
      personId: person.id,
      body: this.noteBody(person),
      createdAt: this.dateAfter(person.createdAt),
      restricted: false,
    }));
  }

  attachments(person: PersonRow, count: number): AttachmentRow[] {
    return Array.from({ length: count }, () => {
      const kind = this.faker.helpers.arrayElement(attachmentKinds);
      const bytes = this.content(kind.magic, kind.contentType === "text/plain", person);
      return {
        id: this.people.uniqueId("att_"),
        personId: person.id,
        fileName: `${kind.stem}-${this.faker.string.numeric(4)}.${kind.extension}`,
        contentType: kind.contentType,
        size: bytes.byteLength,
        createdAt: this.dateAfter(person.createdAt),
        restricted: false,
        bytes,
      };
    });
  }

  /* Agents copy contact details into free text; a connector must not assume notes are harmless. */
  private noteBody(person: PersonRow): string {
    const topic = this.faker.commerce.productName().toLowerCase();
    return this.faker.helpers.arrayElement([
      () => `Called from ${person.phone} about the ${topic}.`,
      () => `Sent the ${topic} invoice to ${person.email}.`,
      () => `Asked for a refund on the ${topic}. ${this.faker.lorem.sentence()}`,
      () => this.faker.lorem.sentences(2),
    ])();
  }

  private content(magic: string, text: boolean, person: PersonRow): Uint8Array {
    if (text) {
      return new TextEncoder().encode(`Dear ${person.name},\n\n${this.faker.lorem.paragraph()}\n`);
    }
    const header = Uint8Array.from(magic, (c) => c.charCodeAt(0));
    const body = pseudoRandomBytes(this.faker.number.int({ max: 2 ** 31 }), this.faker.number.int({ min: 64, max: 1536 }));
    const bytes = new Uint8Array(header.byteLength + body.byteLength);
    bytes.set(header);
    bytes.set(body, header.byteLength);
    return bytes;
  }

  private dateAfter(iso: string): string {
    return this.faker.date.between({ from: iso, to: worldEnd }).toISOString();
  }
}

/* A xorshift stream: byte-by-byte faker calls would make a large benchmark world slow to seed. */
function pseudoRandomBytes(seed: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed | 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}
