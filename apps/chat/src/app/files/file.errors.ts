import { CHAT_FILES, ChatErrorCode } from '@confer/chat/contracts';
import { DomainError } from '@confer/shared/util';

export function fileTooLarge(): DomainError {
  return new DomainError(ChatErrorCode.FileTooLarge, 'too_large', `A shared file is at most ${CHAT_FILES.maxBytes / 1024 / 1024} MB.`);
}

export function fileTypeNotAllowed(): DomainError {
  const extensions = Object.values(CHAT_FILES.types).flat().join(', ');
  return new DomainError(ChatErrorCode.FileTypeNotAllowed, 'unsupported', `Only these kinds of files can be shared, with content to match: ${extensions}.`);
}

export function fileSizeMismatch(): DomainError {
  return new DomainError(ChatErrorCode.FileSizeMismatch, 'invalid', 'Send exactly the size announced, with its Content-Length.');
}

export function uploadNotFound(): DomainError {
  return new DomainError(ChatErrorCode.UploadNotFound, 'not_found', 'This upload link is unknown, used or expired; ask for a new one.');
}

export function fileNotFound(): DomainError {
  return new DomainError(ChatErrorCode.FileNotFound, 'not_found', 'There is no such file.');
}
