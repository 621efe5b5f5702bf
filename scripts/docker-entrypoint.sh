#!/bin/sh
# Entry point of the production image: apply pending migrations (safe to run from several
# containers at once: the migration engine takes a database lock), then become the web server or
# the worker, so that signals from `docker stop` reach Node directly.
set -eu

npm run --silent db:migrate

case "${1:-web}" in
  web) exec node node_modules/next/dist/bin/next start -p "${PORT:-3000}" ;;
  worker) exec node --import tsx worker/index.ts ;;
  *) exec "$@" ;;
esac
