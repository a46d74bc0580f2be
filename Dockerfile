# syntax=docker/dockerfile:1
# The Shipwell App (docs/operations.md, "Run it with Docker"): Node 24 runs
# the TypeScript sources as they are (no build step, no devDependencies).
# Its state is one SQLite file on the /data volume, or PostgreSQL with
# DATABASE_URL=postgres://… (compose.yaml runs replicas that way).
#   docker build -t shipwell .
#   docker run -d -p 3000:3000 -v shipwell-data:/data --env-file .env shipwell
# The same image holds the CLI: docker run --rm -e GH_TOKEN shipwell node bin/shipwell.js report --org ORG
FROM node:24-slim

ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_URL=sqlite:/data/shipwell.db

WORKDIR /app
RUN mkdir -p /data && chown node:node /app /data

# everything from here on runs as the unprivileged user of the base image
USER node
COPY --chown=node:node package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --chown=node:node app.yml ./
COPY --chown=node:node app ./app
COPY --chown=node:node src ./src
COPY --chown=node:node network ./network
COPY --chown=node:node files ./files
COPY --chown=node:node cli ./cli
COPY --chown=node:node bin ./bin
COPY --chown=node:node schema ./schema

VOLUME ["/data"]
EXPOSE 3000
# SIGTERM (docker stop): the App stops taking requests, finishes the step in
# hand, closes the database and exits 0; give it the time a GitHub request
# takes (docker stop -t 30, stop_grace_period in compose.yaml)
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "app/index.ts"]
