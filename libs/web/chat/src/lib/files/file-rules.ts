import { CHAT_FILES } from '@confer/chat/contracts';

/** The `accept` of the file picker: the extensions the chat service allows. */
export const FILE_ACCEPT = Object.values(CHAT_FILES.types)
  .flat()
  .map((extension) => `.${extension}`)
  .join(',');

/** Why a file cannot be shared, before uploading anything; null when it may be. The server checks again, by content. */
export function fileProblem(file: Pick<File, 'name' | 'size'>): string | null {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (!Object.values(CHAT_FILES.types).some((extensions) => extensions.includes(extension))) {
    return 'That kind of file cannot be shared. Share images, PDFs, text, CSV or office documents.';
  }
  if (file.size === 0) return 'That file is empty.';
  if (file.size > CHAT_FILES.maxBytes) return `Files can be at most ${formatBytes(CHAT_FILES.maxBytes)}.`;
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}
