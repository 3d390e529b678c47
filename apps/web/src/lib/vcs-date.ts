/** A VCS date (Unix seconds) as a JS Date. */
export const vcsDate = (d: { timestamp: number }) => new Date(d.timestamp * 1000);
