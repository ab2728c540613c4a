/**
 * Zendesk-like ids: large numbers per kind (user ids are 11–12 digits in real accounts), handed
 * out in seed order so that the same seed gives the same ids.
 */
export class IdSequence {
  private next: number;

  constructor(start: number) {
    this.next = start;
  }

  take(): number {
    return this.next++;
  }
}
