#!/bin/sh
# Entry point of the production image: apply pending migrations (safe to run from several
# containers at once: the migration engine takes a database lock), then become the web server or
# the worker, so that signals from `docker stop` reach Node directly.
set -eu

npm run --silent db:migrate

case "${1:-web}" in
  # Two malloc arenas: freed memory is reused instead of kept per thread (scripts/services/app-processes.ts).
  web) MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" exec node node_modules/next/dist/bin/next start -p "${PORT:-3000}" ;;
  worker) exec node --import tsx worker/index.ts ;;
  *) exec "$@" ;;
esac
