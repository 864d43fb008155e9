/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Tests and the demo may build into another folder (e.g. the realtime-off build), so both can coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
