// Files behind the token (exports, summaries): fetched as a blob and handed to the
// browser under a file name, with the failure kept for the screen to show.
import { useState } from 'react';
import { getBlob } from './client';

export async function saveFile(path: string, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await getBlob(path));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

export function useDownload() {
  const [error, setError] = useState<unknown>(null);
  const download = async (path: string, fileName: string) => {
    setError(null);
    try {
      await saveFile(path, fileName);
    } catch (failure) {
      setError(failure);
    }
  };
  return { download, error };
}
