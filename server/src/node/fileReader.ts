// The server's FileReader: open documents first (the editor's text is the truth), then the disk.
// Read-only by construction: nothing here can write.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { FileReader } from '../service/types';

export function nodeFileReader(openText: (path: string) => string | undefined, maxBytes = 8 * 1024 * 1024): FileReader {
  return {
    readFile(path) {
      const open = openText(path);
      if (open !== undefined) return open;
      try {
        const st = statSync(path);
        if (!st.isFile() || st.size > maxBytes) return undefined;
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    exists(path) {
      if (openText(path) !== undefined) return true;
      try {
        statSync(path);
        return true;
      } catch {
        return false;
      }
    },
    isDirectory(path) {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    },
    readDir(path) {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
  };
}
