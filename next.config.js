// Content-Security-Policy for every page. Next's App Router streams its payload in inline
// <script> tags without nonces (nonces would need per-request rendering of every page), so
// scripts are 'self' plus inline; Recharts and React set inline style attributes, so styles are
// too. Everything else is same-origin only, and no site may frame Horizon (clickjacking).
// `next dev` evaluates modules with eval() for fast refresh: allowed in development only.
const development = process.env.NODE_ENV === 'development';
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  // Older browsers that ignore frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Type errors are caught by `npm run typecheck` (part of `npm test`), which also covers the
  // worker, scripts and tests; skipping the duplicate pass keeps `npm start`'s first build short.
  typescript: { ignoreBuildErrors: true },
  // Server-only packages with native or wasm parts: load them from node_modules at run time
  // instead of bundling them.
  serverExternalPackages: [
    'pg',
    'pg-copy-streams',
    'bullmq',
    'ioredis',
    '@prisma/adapter-pg',
    'csv-parse',
    '@node-rs/argon2',
  ],
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
