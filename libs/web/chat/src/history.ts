/**
 * `@confer/web/chat/history`: a meeting's chat after the fact and search across my meetings, for the
 * meetings pages. A separate entry point so that those pages do not load the live chat's socket client.
 */
export * from './lib/history/chat-history';
export * from './lib/search/chat-search-page';
