/** @type {import('next').NextConfig} */
const nextConfig = {
  // Type errors are caught by `npm run typecheck` (part of `npm test`), which also covers the
  // worker, scripts and tests; skipping the duplicate pass keeps `npm start`'s first build short.
  typescript: { ignoreBuildErrors: true },
  // Server-only packages with native or wasm parts: load them from node_modules at run time
  // instead of bundling them.
  serverExternalPackages: ['pg', 'pg-copy-streams', 'bullmq', 'ioredis', '@prisma/adapter-pg', 'csv-parse'],
  poweredByHeader: false,
};

export default nextConfig;
