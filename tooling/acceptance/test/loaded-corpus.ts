/** A system holding the corpus, and the one question asked of it after the erasure. */
export interface LoadedCorpus {
  system: string;
  /**
   * What is wrong with the system now, in words: anything of the target still held in any store
   * (a named hold aside), any bystander record lost, any mention left or more than it removed.
   */
  findings(): Promise<string[]>;
}
