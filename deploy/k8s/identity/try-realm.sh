#!/usr/bin/env bash
# Imports suggestions-realm.json into a throw-away Keycloak on this machine (the distribution from Maven Central, dev
# mode, HTTP on 127.0.0.1:18080), mints a token for the congress-platform integration with client credentials and
# prints its header and claims: what the services will read from the realm. Then it stops Keycloak again.
#   deploy/k8s/identity/try-realm.sh [keycloak-version]        (needs Java 21 or later, curl, unzip, python3)
# With a service running in the local profile, MP_JWT_VERIFY_ISSUER=http://127.0.0.1:18080/realms/suggestions and
# MP_JWT_VERIFY_PUBLICKEY_LOCATION=<issuer>/protocol/openid-connect/certs, KEEP_RUNNING=1 keeps Keycloak up to call it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=${1:-26.7.3}
work=${TMPDIR:-/tmp}/suggestions-keycloak-$version
kc=http://127.0.0.1:18080
. "$here/../../local/lib/java.sh"
use_suite_java

if [ ! -x "$work/keycloak-$version/bin/kc.sh" ]; then
  mkdir -p "$work"
  curl -fsS -o "$work/keycloak.zip" \
    "https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip"
  unzip -q -o "$work/keycloak.zip" -d "$work"
fi
home=$work/keycloak-$version
rm -rf "$home/data"
mkdir -p "$home/data/import"
# the realm as committed, but reachable over plain HTTP on this machine
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); r["sslRequired"]="none"; json.dump(r, open(sys.argv[2], "w"), ensure_ascii=False)' \
  "$here/suggestions-realm.json" "$home/data/import/suggestions-realm.json"

KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "$home/bin/kc.sh" start-dev --http-port 18080 --http-host 127.0.0.1 --import-realm > "$work/keycloak.log" 2>&1 &
pid=$!
[ "${KEEP_RUNNING:-0}" = 1 ] || trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "$kc/realms/suggestions/.well-known/openid-configuration" && break
  kill -0 $pid 2>/dev/null || { tail -n 20 "$work/keycloak.log"; exit 1; }
  sleep 1
done

json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
admin=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
  "$kc/realms/master/protocol/openid-connect/token" | json '["access_token"]')
client=$(curl -fsS -H "Authorization: Bearer $admin" "$kc/admin/realms/suggestions/clients?clientId=congress-platform" | json '[0]["id"]')
secret=$(curl -fsS -H "Authorization: Bearer $admin" "$kc/admin/realms/suggestions/clients/$client/client-secret" | json '["value"]')
token=$(curl -fsS -d grant_type=client_credentials -d client_id=congress-platform -d client_secret="$secret" \
  "$kc/realms/suggestions/protocol/openid-connect/token" | json '["access_token"]')
python3 - "$token" <<'PY'
import base64, json, sys
header, claims, _ = sys.argv[1].split(".")
decode = lambda part: json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
print("header:", json.dumps(decode(header)))
print("claims:", json.dumps(decode(claims), indent=2, ensure_ascii=False))
PY
echo "token: $token"
