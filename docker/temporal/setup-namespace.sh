#!/bin/sh
# One-shot, in temporalio/admin-tools, once the Temporal frontend answers: creates Banli's
# namespace (if missing) and registers Banli's search attributes on it (those missing), the
# same three that `npm start` gives the dev server (scripts/start.sh) and the tests give theirs
# (libs/testing/src/lib/temporal-env.ts; names in libs/contracts, SEARCH_ATTRIBUTES).
# Commands: `temporal operator namespace describe|create` as in Temporal's own compose set-up
# (temporalio/samples-server, compose/scripts/create-namespace.sh), and
# `temporal operator search-attribute create` as in the README ("Search attributes").
set -eu

: "${TEMPORAL_ADDRESS:?}" "${BANLI_NAMESPACE:?}"
RETENTION="${BANLI_NAMESPACE_RETENTION:-365d}"

until temporal operator cluster health --address "$TEMPORAL_ADDRESS" | grep -q SERVING; do
  echo "waiting for the Temporal frontend at $TEMPORAL_ADDRESS"
  sleep 2
done

if temporal operator namespace describe --address "$TEMPORAL_ADDRESS" --namespace "$BANLI_NAMESPACE" >/dev/null 2>&1; then
  echo "namespace $BANLI_NAMESPACE exists"
else
  temporal operator namespace create --address "$TEMPORAL_ADDRESS" --namespace "$BANLI_NAMESPACE" \
    --retention "$RETENTION" --description "Banli: one workflow per proposal"
fi

# A new namespace reaches every frontend's cache within seconds: wait until it answers.
until temporal operator search-attribute list --address "$TEMPORAL_ADDRESS" --namespace "$BANLI_NAMESPACE" >/tmp/attributes 2>/dev/null; do
  echo "waiting for namespace $BANLI_NAMESPACE"
  sleep 2
done

for spec in BanliStage:Keyword BanliLeadUnit:Keyword BanliNextDeadline:Datetime; do
  name="${spec%%:*}"
  type="${spec##*:}"
  if grep -qw "$name" /tmp/attributes; then
    echo "search attribute $name exists"
  else
    temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" --namespace "$BANLI_NAMESPACE" \
      --name "$name" --type "$type"
  fi
done
echo "namespace $BANLI_NAMESPACE is ready"
