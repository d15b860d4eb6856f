import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SaveFilePort } from '../core/app/attachments';
import type { ElectronPort } from './port';

/**
 * A customer's file saved where the person chooses (the OS save dialog, which asks before replacing a file); the page
 * never holds it. Readable by the person only.
 */
export function createSaveFile(electron: Pick<ElectronPort, 'dialog' | 'app'>): SaveFilePort {
  return {
    async save(suggestedName, content) {
      const chosen = await electron.dialog.showSaveDialog({ title: 'Save attachment', defaultPath: path.join(electron.app.getPath('downloads'), suggestedName) });
      if (chosen.canceled || !chosen.filePath) return false;
      await writeFile(chosen.filePath, content, { mode: 0o600 });
      return true;
    },
  };
}
