#!/bin/bash
# First start of the PostgreSQL container only (docker-entrypoint-initdb.d): one database and one owner
# role per service, and Keycloak's. Passwords come from the environment (deploy/compose/.env).
set -euo pipefail
for entry in "roadmap:$ROADMAP_DB_PASSWORD" "document:$DOCUMENT_DB_PASSWORD" "keycloak:$KEYCLOAK_DB_PASSWORD"; do
  name=${entry%%:*} password=${entry#*:}
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
