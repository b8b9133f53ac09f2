#!/usr/bin/env bash
# Mints a bearer token for the development host (signed with appsettings.Development.json's key),
# so a person can use the designer and the API locally without an identity provider.
#   bash scripts/dev-token.sh QaLead "Quinn QA"            # roles: Reviewer Manager QaLead Auditor Admin
#   bash scripts/dev-token.sh Reviewer "Irene IRO" IRO     # a reviewer: IRO or "CP Chair"
# Then open http://localhost:5000/designer/#token=<token>
set -euo pipefail
role="${1:-QaLead}"; name="${2:-Developer}"; reviewer="${3:-}"
settings="$(dirname "$0")/../src/Workflows.Host/appsettings.Development.json"
read_setting() { grep -o "\"$1\": *\"[^\"]*\"" "$settings" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }
key="$(read_setting SigningKey)"; issuer="$(read_setting Issuer)"; audience="$(read_setting Audience)"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
claims="\"sub\":\"dev-$(echo "$name" | tr ' A-Z' '-a-z')\",\"name\":\"$name\",\"roles\":[\"$role\"],\"iss\":\"$issuer\",\"aud\":\"$audience\",\"iat\":$now,\"nbf\":$now,\"exp\":$((now + 8 * 3600))"
[ -n "$reviewer" ] && claims="$claims,\"reviewer_role\":\"$reviewer\""
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{%s}' "$claims" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$key" -binary | b64url)
echo "$header.$payload.$signature"
