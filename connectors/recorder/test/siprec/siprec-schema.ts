import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { XmlDocument, XmlValidateError, XsdValidator } from "libxml2-wasm";
import { xmlRegisterFsInputProviders } from "libxml2-wasm/lib/nodejs.mjs";

/*
 * Test support: validates SIPREC metadata documents against recording-metadata.xsd (our
 * transcription of RFC 7865's model, see its header) with libxml2's XSD validator, compiled to
 * WebAssembly. The schema is parsed with its file URL and libxml2 is given file-system access so
 * that its xs:import of xml.xsd resolves beside it, offline.
 */

export const schemaPath = fileURLToPath(new URL("./recording-metadata.xsd", import.meta.url));

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), "utf8");
}

export interface SiprecSchema {
  /** The validator's messages for `xml`; empty when it is valid. Malformed XML throws. */
  errors(xml: string): string[];
  dispose(): void;
}

export function loadSiprecSchema(): SiprecSchema {
  xmlRegisterFsInputProviders();
  const schemaDocument = XmlDocument.fromString(readFileSync(schemaPath, "utf8"), { url: pathToFileURL(schemaPath).href });
  const validator = XsdValidator.fromDoc(schemaDocument);
  return {
    errors(xml) {
      const document = XmlDocument.fromString(xml);
      try {
        validator.validate(document);
        return [];
      } catch (error) {
        if (error instanceof XmlValidateError) return error.details.map((detail) => detail.message.trim());
        throw error;
      } finally {
        document.dispose();
      }
    },
    dispose() {
      validator.dispose();
      schemaDocument.dispose();
    },
  };
}
