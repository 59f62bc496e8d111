#!/bin/bash
set -euo pipefail
config=/tmp/server.properties
: > "$config"
for variable in $(compgen -e | grep '^KAFKA_'); do
  key=$(printf '%s' "${variable#KAFKA_}" | tr 'A-Z_' 'a-z.')
  printf '%s=%s\n' "$key" "${!variable}" >> "$config"
done
log_dirs=$(sed -n 's/^log.dirs=//p' "$config")
classpath='/opt/kafka/libs/*'
if [[ ! -f ${log_dirs:-/tmp/kafka-logs}/meta.properties ]]; then
  java -cp "$classpath" kafka.tools.StorageTool format -t "${CLUSTER_ID:-ngs-kafka-cluster-0001}" -c "$config"
fi
exec java -Xmx512m -cp "$classpath" kafka.Kafka "$config"
