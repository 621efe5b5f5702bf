#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline.
# Only `prisma generate/validate/format` are run through the CLI; migrations go through
# lib/db/migrate.ts (the wasm engine). Exit non-zero so nothing can silently "succeed" through it.
echo "schema-engine stub: use 'npm run db:migrate' (wasm engine) instead of the Prisma CLI's migrate commands" >&2
exit 1
