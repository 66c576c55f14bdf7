// Container health probe: exits 0 when the URL given as the only argument answers 2xx within 4 s.
// The images are node:*-slim, which have no curl or wget; Node's own fetch does the job.
const url = process.argv[2];
if (!url) {
  console.error('usage: node healthcheck.cjs <url>');
  process.exit(2);
}
fetch(url, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  (error) => {
    console.error(`${url}: ${error.message}`);
    process.exit(1);
  },
);
