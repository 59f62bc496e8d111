#!/usr/bin/env bash
# Turns an imported demo realm `ngs` into a production one, on a running Keycloak:
#   - refuses to run while the demo users are there, unless told to delete them (--delete-demo-users):
#     a production realm must not keep accounts whose password is their name;
#   - HTTPS required for every address but private ones (sslRequired external), brute-force
#     protection on, and production token lifespans (access tokens 5 min, sessions idle 30 min, 10 h at most);
#   - switches off the password grant of ngs-cli (it exists for scripts and tests of the demo);
#   - gives every partner system a new random client secret (printed once: store them safely);
#   - then reads the realm back and fails unless all of the above holds.
# Usage: KC_HOME=/opt/keycloak KC_URL=https://sso.example.it KC_ADMIN=admin KC_ADMIN_PASSWORD=... \
#        [KC_REALM=ngs] deploy/keycloak/harden-for-production.sh [--delete-demo-users]
set -euo pipefail
: "${KC_HOME:?path of the Keycloak installation}" "${KC_URL:?base URL of Keycloak}"
: "${KC_ADMIN:?admin user of the master realm}" "${KC_ADMIN_PASSWORD:?its password}"
realm=${KC_REALM:-ngs}
delete_demo_users=false
case "${1:-}" in
    "") ;;
    --delete-demo-users) delete_demo_users=true ;;
    *) echo "unknown option $1 (the only one is --delete-demo-users)" >&2; exit 2 ;;
esac

# kcadm keeps its login in a file of its own here, not in the operator's home.
config=$(mktemp)
trap 'rm -f "$config"' EXIT
kc() {
    "$KC_HOME/bin/kcadm.sh" "$@" --config "$config"
}
kc config credentials --server "$KC_URL" --realm master --user "$KC_ADMIN" --password "$KC_ADMIN_PASSWORD"

demo_users=(admin euronike codesign openimpact ananse officer-siena officer-montepulciano viewer)
clients=(euronike-lms codesign-hub openimpact-studio ananse-cms comune-siena-it ngs-directory)

user_id() {
    kc get users -r "$realm" -q username="$1" -q exact=true --fields id --format csv --noquotes
}
client_id() {
    kc get clients -r "$realm" -q clientId="$1" --fields id --format csv --noquotes
}

left=()
for user in "${demo_users[@]}"; do
    [[ -n "$(user_id "$user")" ]] && left+=("$user")
done
if [[ ${#left[@]} -gt 0 && $delete_demo_users == false ]]; then
    echo "Refusing to harden realm $realm: its demo users are still there (${left[*]})." >&2
    echo "Delete them first, or run again with --delete-demo-users to have them deleted." >&2
    exit 1
fi
for user in "${left[@]}"; do
    kc delete "users/$(user_id "$user")" -r "$realm"
    echo "demo user $user removed"
done

kc update "realms/$realm" -s sslRequired=external -s bruteForceProtected=true -s permanentLockout=false \
    -s failureFactor=10 -s accessTokenLifespan=300 -s accessCodeLifespan=60 -s ssoSessionIdleTimeout=1800 \
    -s ssoSessionMaxLifespan=36000 -s offlineSessionIdleTimeout=86400 -s registrationAllowed=false
echo "realm $realm: HTTPS required, brute-force protection on, access tokens 5 min, sessions 30 min idle / 10 h"

kc update "clients/$(client_id ngs-cli)" -r "$realm" -s directAccessGrantsEnabled=false
echo "ngs-cli: direct access grants off"

for client in "${clients[@]}"; do
    id=$(client_id "$client")
    kc create "clients/$id/client-secret" -r "$realm" >/dev/null
    secret=$(kc get "clients/$id/client-secret" -r "$realm" --fields value --format csv --noquotes)
    echo "$client: new secret $secret"
done

# Read it all back: the script only succeeds when the realm is what it claims.
failed=()
settings=$(kc get "realms/$realm" --fields sslRequired,bruteForceProtected,accessTokenLifespan --format csv --noquotes)
[[ "$settings" == "external,true,300" ]] || failed+=("realm settings are $settings")
grants=$(kc get "clients/$(client_id ngs-cli)" -r "$realm" --fields directAccessGrantsEnabled --format csv --noquotes)
[[ "$grants" == "false" ]] || failed+=("ngs-cli still has direct access grants")
for user in "${demo_users[@]}"; do
    [[ -z "$(user_id "$user")" ]] || failed+=("demo user $user is still there")
done
if [[ ${#failed[@]} -gt 0 ]]; then
    printf 'Realm %s is NOT hardened: %s\n' "$realm" "${failed[*]}" >&2
    exit 1
fi
echo "Realm $realm hardened. Set ngs-frontend's redirect URIs and web origins to the real frontends."
