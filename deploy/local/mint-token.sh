#!/usr/bin/env bash
# Mints an RS256 JWT for the local stack, signed with deploy/local/keys/local-private.pem (which the local
# and test profiles trust, production never). Prints only the token.
#   TOKEN=$(deploy/local/mint-token.sh --role handler --unit U01)
set -euo pipefail

ROLES="congress-office gov-supervisor unit-office unit-leader handler deputy system platform-admin data-migrator"
usage() {
  cat >&2 <<USAGE
Usage: deploy/local/mint-token.sh --role <role> [--congress-body <code>] [--unit <code>] [--deputy <id>]
                                  [--subject <name>] [--ttl <seconds, default 3600>]
  roles: $ROLES
  claims: iss=https://suggestions.local/issuer, sub=upn=<subject> (default <role>-user), groups=[<role>],
          iat, exp=iat+ttl, jti, and congress_body / unit / deputy when given
  key: \$LOCAL_JWT_PRIVATE_KEY (default deploy/local/keys/local-private.pem)
USAGE
  exit "${1:-2}"
}

role='' subject='' ttl=3600 congress_body='' unit='' deputy=''
while [ $# -gt 0 ]; do
  case "$1" in -h|--help) usage 0 ;; esac
  [ $# -ge 2 ] || { echo "missing value for $1" >&2; usage; }
  case "$1" in
    --role) role=$2 ;;
    --subject) subject=$2 ;;
    --ttl) ttl=$2 ;;
    --congress-body) congress_body=$2 ;;
    --unit) unit=$2 ;;
    --deputy) deputy=$2 ;;
    *) echo "unknown option $1" >&2; usage ;;
  esac
  shift 2
done
if [ -z "$role" ] || [[ " $ROLES " != *" $role "* ]]; then echo "unknown or missing role '$role'" >&2; usage; fi
[[ "$ttl" =~ ^[1-9][0-9]*$ ]] || { echo "--ttl must be a positive number of seconds" >&2; usage; }
subject=${subject:-$role-user}
for value in "$subject" "$congress_body" "$unit" "$deputy"; do
  [[ "$value" =~ [[:cntrl:]] ]] && { echo "control characters are not allowed in claim values" >&2; exit 2; }
done
key=${LOCAL_JWT_PRIVATE_KEY:-$(dirname "${BASH_SOURCE[0]}")/keys/local-private.pem}
[ -r "$key" ] || { echo "cannot read private key $key" >&2; exit 1; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# JSON string literal (control characters were refused above)
json_str() {
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

iat=$(date +%s)
exp=$((iat + ttl))   # after iat, or smallrye-jwt rejects the token
jti=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || openssl rand -hex 16)
claims="\"iss\":\"https://suggestions.local/issuer\",\"sub\":$(json_str "$subject"),\"upn\":$(json_str "$subject")"
claims+=",\"groups\":[$(json_str "$role")],\"iat\":$iat,\"exp\":$exp,\"jti\":\"$jti\""   # (not $GROUPS: a bash builtin)
[ -n "$congress_body" ] && claims+=",\"congress_body\":$(json_str "$congress_body")"
[ -n "$unit" ] && claims+=",\"unit\":$(json_str "$unit")"
[ -n "$deputy" ] && claims+=",\"deputy\":$(json_str "$deputy")"

signing_input="$(printf '%s' '{"alg":"RS256","typ":"JWT","kid":"local"}' | b64url).$(printf '{%s}' "$claims" | b64url)"
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s\n' "$signing_input" "$signature"
