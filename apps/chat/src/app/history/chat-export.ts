import type { ChatExport, ChatExportFile, ChatExportFormat, ChatMessage, ChatPerson } from '@confer/chat/contracts';

/**
 * A meeting's chat as a participant's file (ChatExport): the messages given (already only those they
 * may see, none deleted), oldest first, files by name, reactions as counts.
 */
export function chatExport(meeting: { id: string; code: string }, by: ChatPerson, messages: readonly ChatMessage[], now = new Date()): ChatExport {
  return {
    format: 'confer-chat-export',
    version: 1,
    meeting,
    exportedAt: now.toISOString(),
    exportedBy: by,
    messages: messages.map((m) => ({
      id: m.id,
      seq: m.seq,
      from: { identity: m.from.identity, displayName: m.from.displayName },
      to: m.to,
      body: m.body,
      file: m.file ? { name: m.file.name, size: m.file.size, contentType: m.file.contentType } : null,
      createdAt: m.createdAt,
      editedAt: m.editedAt,
      reactions: m.reactions.map((r) => ({ emoji: r.emoji, count: r.count })),
    })),
  };
}

/** The export as the file a participant keeps: `chat-<code>.txt` or `.json`. */
export function chatExportFile(data: ChatExport, format: ChatExportFormat): ChatExportFile {
  const json = format === 'json';
  return {
    name: `chat-${data.meeting.code}.${format}`,
    contentType: json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    content: json ? JSON.stringify(data, null, 2) : chatExportText(data),
  };
}

/**
 * The same as plain text: a heading, then a line per message, `[time UTC] From: text`, with
 * `From → To (private)`, `[file: name, size]` before the text, `(edited)` after it, and the text's
 * further lines indented by four spaces (so no line of a message can pass for another message).
 */
export function chatExportText(data: ChatExport): string {
  const lines = [`Chat of meeting ${data.meeting.code}, exported ${time(data.exportedAt)} by ${data.exportedBy.displayName}`, ''];
  for (const m of data.messages) {
    const who = m.to ? `${m.from.displayName} → ${m.to.displayName} (private)` : m.from.displayName;
    const file = m.file ? `[file: ${m.file.name}, ${humanSize(m.file.size)}]` : '';
    const [first, ...rest] = m.body.replace(/\r\n?/g, '\n').split('\n');
    const text = [file, first].filter(Boolean).join(' ');
    lines.push(`[${time(m.createdAt)}] ${who}: ${text}${m.editedAt ? ' (edited)' : ''}`, ...rest.map((line) => `    ${line}`));
  }
  return `${lines.join('\n')}\n`;
}

function time(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
