#!/usr/bin/env bash
# Turns an imported demo realm `ngs` into a production one, on a running Keycloak:
#   - switches off the password grant of ngs-cli (it exists for scripts and tests of the demo),
#   - gives every partner system a new random client secret (printed once, store them safely),
#   - removes the demo users.
# Usage: KC_HOME=/opt/keycloak KC_URL=https://sso.example.it KC_ADMIN=admin KC_ADMIN_PASSWORD=... \
#        deploy/keycloak/harden-for-production.sh
set -euo pipefail
: "${KC_HOME:?path of the Keycloak installation}" "${KC_URL:?base URL of Keycloak}"
: "${KC_ADMIN:?admin user of the master realm}" "${KC_ADMIN_PASSWORD:?its password}"
kc="$KC_HOME/bin/kcadm.sh"
realm=ngs

"$kc" config credentials --server "$KC_URL" --realm master --user "$KC_ADMIN" --password "$KC_ADMIN_PASSWORD"

client_id() {
    "$kc" get clients -r "$realm" -q clientId="$1" --fields id --format csv --noquotes
}

"$kc" update "clients/$(client_id ngs-cli)" -r "$realm" -s directAccessGrantsEnabled=false
echo "ngs-cli: direct access grants off"

for client in euronike-lms codesign-hub openimpact-studio ananse-cms comune-siena-it; do
    id=$(client_id "$client")
    "$kc" create "clients/$id/client-secret" -r "$realm" >/dev/null
    secret=$("$kc" get "clients/$id/client-secret" -r "$realm" --fields value --format csv --noquotes)
    echo "$client: new secret $secret"
done

for user in admin euronike codesign openimpact ananse officer-siena officer-montepulciano viewer; do
    id=$("$kc" get users -r "$realm" -q username="$user" -q exact=true --fields id --format csv --noquotes)
    if [[ -n "$id" ]]; then
        "$kc" delete "users/$id" -r "$realm"
        echo "demo user $user removed"
    fi
done
