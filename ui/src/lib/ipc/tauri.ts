// The real host: the generated commands over Tauri's invoke, native dialogs, the window title and events. The only importer of @tauri-apps.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { open, save } from '@tauri-apps/plugin-dialog';
import { commandsOver, type Events } from './commands';
import { lastFolder, rememberFolder, startingAt } from './last-folder';
import type { Host } from './host';

/** Listens for one of the shell's events; its name and payload type come from the generated `Events`. */
async function on<K extends keyof Events>(name: K, then: (payload: Events[K]) => void): Promise<() => void> {
  return listen<Events[K]>(name, (event) => then(event.payload));
}

export const tauriHost: Host = {
  ...commandsOver(invoke),
  chooseSavePath: async (title, defaultName, extension) => {
    const chosen = (await save({ title, defaultPath: startingAt(defaultName), filters: [{ name: extension.toUpperCase(), extensions: [extension] }] })) ?? null;
    rememberFolder(chosen);
    return chosen;
  },
  chooseOpenPath: async (title, extensions) => {
    const chosen = await open({ title, defaultPath: lastFolder(), multiple: false, directory: false, filters: [{ name: extensions.join(', '), extensions }] });
    const path = typeof chosen === 'string' ? chosen : null;
    rememberFolder(path);
    return path;
  },
  setWindowTitle: (title) => getCurrentWindow().setTitle(title),
  onClose: async (beforeClosing) => {
    // A hung save must not keep the window open for ever; two seconds is far beyond a save's few ms.
    const atMost = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    await getCurrentWindow().onCloseRequested(async () => {
      await Promise.race([beforeClosing().catch(() => {}), atMost(2000)]);
    });
  },
  onSecondLaunch: async (then) => {
    await on('second-launch', () => then());
  },
  onChanged: (then) => on('changed', then),
  onFileDrop: (then) =>
    getCurrentWebview().onDragDropEvent((event) => {
      if (event.payload.type === 'drop') then(event.payload.paths);
    }),
};
