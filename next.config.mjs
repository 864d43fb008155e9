/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Tests and the demo may build into another folder (e.g. the realtime-off build), so both can coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The e2e builds set this: `npm test` has already type-checked the whole repo with `tsc` by then.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === '1' },
};

export default nextConfig;
