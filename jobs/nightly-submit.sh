#!/usr/bin/env bash
# Cluster launcher: submits the nightly run through spark-submit (Spark 4.x, Scala 2.13).
#   SPARK_HOME=/opt/spark jobs/nightly-submit.sh --config /etc/socialkpi/job.conf [--run-date D] [--output URI]
# Environment:
#   SPARK_HOME               required: the Spark installation whose bin/spark-submit is used
#   SPARK_MASTER             optional --master (yarn, k8s://..., spark://..., local[4]); default: spark-defaults
#   SOCIALKPI_DRIVER_MEMORY  driver memory (default 4g)
#   SOCIALKPI_JAR            application jar (default target/socialkpi-job.jar, built by `mvn package`
#                            as target/socialkpi-job-VERSION.jar and copied under this name)
#   SOCIALKPI_SUBMIT_ARGS    extra spark-submit arguments, e.g. "--deploy-mode client --num-executors 20"
# The job config is read on the driver before Spark starts. --config, the input and the output can
# be any Hadoop URI (hdfs://, s3a://, abfs://): in cluster deploy mode or on Kubernetes
# (SOCIALKPI_SUBMIT_ARGS="--deploy-mode cluster") give --config as a URI every node can read.
set -euo pipefail

# Usage errors exit 2, as the job's own do (README, "Exit codes").
usage() { echo "nightly-submit: $*" >&2; exit 2; }
[ -n "${SPARK_HOME:-}" ] || usage "set SPARK_HOME to a Spark 4.x installation"
[ -x "$SPARK_HOME/bin/spark-submit" ] \
  || usage "SPARK_HOME=$SPARK_HOME has no bin/spark-submit: set SPARK_HOME to a Spark 4.x installation"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${SOCIALKPI_JAR:-$root/target/socialkpi-job.jar}"
[ -f "$jar" ] || usage "$jar not found; run 'mvn -DskipTests package' first"

args=(--class io.socialkpi.cli.Main --name socialkpi-nightly)
[ -n "${SPARK_MASTER:-}" ] && args+=(--master "$SPARK_MASTER")
args+=(--driver-memory "${SOCIALKPI_DRIVER_MEMORY:-4g}")
# spark-submit ignores a log4j2.properties inside the application jar: point the driver at ours.
args+=(--driver-java-options "-Dlog4j2.configurationFile=file:$root/jobs/log4j2.properties")
# Executors: log4j reads its configuration when the JVM starts. On YARN and Kubernetes the
# --files copy is in the container's working folder by then; a standalone Worker starts the
# executor first and fetches the files later, so the executor also looks for this installation's
# file at the same path (socialkpi installed at one path on every node, e.g. /opt/socialkpi).
# log4j skips whichever of the two does not exist; with neither, Spark's default is INFO.
args+=(--conf "spark.executor.extraJavaOptions=-Dlog4j2.configurationFile=log4j2.properties,file:$root/jobs/log4j2.properties")
args+=(--files "$root/jobs/log4j2.properties")
# shellcheck disable=SC2206
[ -n "${SOCIALKPI_SUBMIT_ARGS:-}" ] && args+=(${SOCIALKPI_SUBMIT_ARGS})

exec "$SPARK_HOME/bin/spark-submit" "${args[@]}" "$jar" run "$@"
