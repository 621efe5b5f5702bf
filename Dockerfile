# Horizon's production image: one image, two roles. `web` (default) serves the app on $PORT,
# `worker` trains forecasts; both apply pending migrations first. See docker-compose.yml.
#
#   docker build -t horizon .
#   docker run -e DATABASE_URL=... -e REDIS_URL=... -p 3000:3000 horizon          # web
#   docker run -e DATABASE_URL=... -e REDIS_URL=... horizon worker                # worker

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# What `npm ci` needs (its postinstall generates the Prisma client), apart from the sources, so
# that the dependency layer is rebuilt only when the lockfile or the schema changes.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs scripts/schema-engine-stub.sh ./scripts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node node_modules/next/dist/bin/next build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
COPY --from=build --chown=node:node /app ./
USER node
EXPOSE 3000
ENTRYPOINT ["/app/scripts/docker-entrypoint.sh"]
CMD ["web"]
