// The folder a file was last saved to or opened from, so the next file dialog starts there instead of the app's working directory.
const KEY = 'soc2-readiness:last-folder';

/** The folder part of a path, Unix or Windows; `null` for a bare name. */
export function folderOf(path: string): string | null {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return at > 0 ? path.slice(0, at) : null;
}

/** Remembers the folder of a path the person chose (nothing when they cancelled). */
export function rememberFolder(path: string | null): void {
  const folder = path ? folderOf(path) : null;
  if (!folder) return;
  try {
    localStorage.setItem(KEY, folder);
  } catch {
    // A dialog that starts elsewhere is no loss worth an error.
  }
}

/** The folder remembered, if any. */
export function lastFolder(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Where a save dialog should start: the suggested name inside the folder last used. */
export function startingAt(name: string): string {
  const folder = lastFolder();
  if (!folder) return name;
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder}${separator}${name}`;
}
