/** Search is cheap but could list the directory or probe addresses: 60 a minute per user. */
export const DirectoryLimits = {
  searchPerUser: { name: 'directory-search:user', limit: 60, windowSeconds: 60 },
} as const;
