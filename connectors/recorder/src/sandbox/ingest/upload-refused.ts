/** An upload the recorder refuses, with every problem found in it; the route answers 400 naming them. */
export class UploadRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(" "));
    this.name = "UploadRefusedError";
  }
}
