// Saves of typed text waiting for a pause in typing, and every save under way, so closing the window can finish them all.

/** Text typed into a card is saved once typing pauses; a crash or a closed window loses at most the pause. */
export class PendingSaves {
  private waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; run: () => void }>();
  private inFlight = new Set<Promise<unknown>>();

  /** Runs `run` once typing pauses for `delayMs`; a newer call for the same key replaces an older one. */
  soon(key: string, run: () => void, delayMs: number): void {
    const older = this.waiting.get(key);
    if (older) clearTimeout(older.timer);
    const timer = setTimeout(() => {
      this.waiting.delete(key);
      run();
    }, delayMs);
    this.waiting.set(key, { timer, run });
  }

  /** Follows a save under way until it settles, so `flush` can wait for it. */
  track<T>(saving: Promise<T>): Promise<T> {
    this.inFlight.add(saving);
    saving.finally(() => this.inFlight.delete(saving)).catch(() => {});
    return saving;
  }

  /** Runs every waiting save now and waits for every save under way. */
  async flush(): Promise<void> {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const { timer, run } of waiting) {
      clearTimeout(timer);
      run();
    }
    await Promise.all([...this.inFlight]);
  }
}
