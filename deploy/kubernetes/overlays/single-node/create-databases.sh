#!/bin/bash
# Run once by the postgres image on an empty data directory: one database and one owner per service,
# each with the password of its secret (mounted as environment variables, never in this file).
set -euo pipefail
for db in training participation feasibility comms gateway keycloak; do
  var="PASSWORD_${db^^}"
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v name="$db" -v password="${!var}" <<'SQL'
create role :"name" login password :'password';
create database :"name" owner :"name";
SQL
done
