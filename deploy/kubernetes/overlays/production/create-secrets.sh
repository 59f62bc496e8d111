#!/usr/bin/env bash
# Prints the secrets the production overlay needs that can be made here, with fresh random passwords, for
#   deploy/kubernetes/overlays/production/create-secrets.sh | kubectl create -f -
# (create, not apply: run again, it refuses to replace passwords already in use). Made here:
#   ngs-db-<role>       what CloudNativePG requires of a managed role's password secret: type
#                       kubernetes.io/basic-auth, username = the role's name, label cnpg.io/reload
#   ngs-keycloak-admin  Keycloak's bootstrap administrator
#   ngs-webhook-keys    the key webhook secrets are sealed with (<id>=<32 random bytes, base64>)
# Not made here: ngs-backup-s3 (from the object store), ngs-smtp (from the mail provider), ngs-auth-tls and ngs-gateway-tls (certificates, e.g.
# cert-manager), ngs-directory (the secret Keycloak generates for ngs-directory, once the realm is imported).
set -euo pipefail
namespace=${NAMESPACE:-ngs}
password() { openssl rand -base64 24 | tr -d '\n'; }
secret() { kubectl create secret generic "$@" --namespace "$namespace" --dry-run=client -o yaml; }

for role in training participation feasibility comms gateway keycloak; do
  secret "ngs-db-$role" --type=kubernetes.io/basic-auth \
    --from-literal=username="$role" --from-literal=password="$(password)" \
    | kubectl label --local -f - cnpg.io/reload=true -o yaml
  echo ---
done
secret ngs-keycloak-admin --from-literal=username=admin --from-literal=password="$(password)"
echo ---
secret ngs-webhook-keys --from-literal=keys="$(date +%Y-%m)=$(openssl rand -base64 32 | tr -d '\n')"
