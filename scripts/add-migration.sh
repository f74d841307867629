#!/usr/bin/env bash
# Adds a migration named $1 for both storage providers, so SQLite and PostgreSQL never drift apart.
#   scripts/add-migration.sh AddTickets
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/Conversations --startup-project src/BotHost \
    --context "${provider}GroupBuyDbContext" \
    --output-dir "Storage/Migrations/${provider}" \
    --namespace "GroupBuy.Conversations.Storage.Migrations.${provider}"
done
# dotnet ef puts the model snapshot under a folder named after --namespace; keep it beside its migrations.
for provider in Sqlite Postgres; do
  stray="src/Conversations/GroupBuy/Conversations/Storage/Migrations/${provider}"
  if [ -d "$stray" ]; then mv "$stray"/*.cs "src/Conversations/Storage/Migrations/${provider}/"; fi
done
rm -rf src/Conversations/GroupBuy
for provider in Sqlite Postgres; do
  dotnet ef migrations has-pending-model-changes --project src/Conversations --startup-project src/BotHost --context "${provider}GroupBuyDbContext"
done
