// The one door to the host: the interface every screen calls (the generated commands and the window's own calls).
import type { AnswerValue, Changed, CommandError } from '../bindings';
import type { Commands } from './commands';

/**
 * Everything a screen can ask of the host: every shell command (generated from Rust into
 * `commands.ts`, so a command exists, is named and is typed in one place) and what the window
 * itself does (dialogs, title, events).
 */
export interface Host extends Commands {
  /** Native dialogs; `null` when the user cancels. */
  chooseSavePath(title: string, defaultName: string, extension: string): Promise<string | null>;
  chooseOpenPath(title: string, extensions: string[]): Promise<string | null>;
  setWindowTitle(title: string): Promise<void>;
  /** Calls `then` whenever the app is launched again and this window is brought forward instead. */
  onSecondLaunch(then: () => void): Promise<void>;
  /** Runs `beforeClosing` (bounded in time) when the user closes the window, then closes it. */
  onClose(beforeClosing: () => Promise<void>): Promise<void>;
  /**
   * Calls `then` after every write, whichever screen made it: to an assessment (its answers,
   * scope, depth, name, modules, its being there at all) or to its programme (registers and
   * check log, `programme: true`), so every open view reads what it shows again. Resolves to
   * the function that stops listening.
   */
  onChanged(then: (change: Changed) => void): Promise<() => void>;
  /** Calls `then` with the paths of files dropped on the window. Resolves to the function that stops listening. */
  onFileDrop(then: (paths: string[]) => void): Promise<() => void>;
}

/** Turns whatever a host call threw into the `{ kind, message }` shape the UI shows. */
export function asCommandError(error: unknown): CommandError {
  if (error && typeof error === 'object' && 'kind' in error && 'message' in error) {
    return error as CommandError;
  }
  return { kind: 'unexpected', message: String(error) };
}

export type { AnswerValue };
