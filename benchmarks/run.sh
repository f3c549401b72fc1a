#!/usr/bin/env bash
# Builds the benchmark harness (and the engine it measures) and runs it, printing a table of medians,
# ms per 1,000 revisions and ratios to each scenario's floor, then the ratios to Flyway and Liquibase.
# PostgreSQL and MariaDB cases start the throwaway servers of migrate-test-support (skipped, with a note, when
# one cannot start here; MariaDB needs Debian's mariadb-server). See docs/benchmarks.md.
#
#   benchmarks/run.sh                 the documented run (graph: 1,000..10,000 revisions; apply: 200;
#                                     noop/fresh/memory/boot: 1,000 revisions; autogen: 1,000 tables;
#                                     rebuild: 1,000,000 rows; peers-graph: 1,000 and 10,000 revisions;
#                                     entities, entities-cli: 200 JPA entities against 200 @Table records;
#                                     fleet: 200 PostgreSQL schemas x 50 revisions, 1, 2 and 4 at a time);
#                                     about 12 minutes on two quiet cores (703 s on 2026-11-21)
#   benchmarks/run.sh --quick         a look in a few minutes (200 revisions, 100 tables, 100,000 rows;
#                                     peers-graph at 1,000; entities: 200; fleet: 40 schemas x 50 revisions)
#   benchmarks/run.sh --only graph    one scenario (graph, apply, noop, fresh, autogen, rebuild, memory,
#                                     peers-graph, boot, cli, entities, entities-cli, fleet); --sizes 1000,5000 for other graph sizes
#   SKIP_BUILD=1 benchmarks/run.sh    reuse the jar already built
#   MVN_ARGS=-o benchmarks/run.sh     build offline
#   JAVA_OPTS='-XX:StartFlightRecording=duration=60s,filename=bench.jfr' benchmarks/run.sh   profile it
#
# Scenario boot starts each Spring Boot application in a JVM of its own, with a class path built from
# target/boot-classpath (written by the build): run it from a built tree, not from a copied jar.
# Scenario cli runs demo-blog-app/target/demo-blog-app.jar, scenario entities-cli copies of
# demo-clinic-app/target/demo-clinic-app.jar with 200 more models; the build below also packages both.
#
# Builds with `package`, not `install`: the engine is taken from the reactor, nothing lands in ~/.m2.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec </dev/null

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo ">>> building migrate-core, the starter, the demos and benchmarks"
  # shellcheck disable=SC2086
  ./mvnw -B -q ${MVN_ARGS:-} -pl benchmarks,demo-blog-app,demo-clinic-app -am package -DskipTests
fi

echo ">>> machine: $(nproc) cores, $(uname -sr), load average$(uptime | sed 's/.*load average//')"
java -version 2>&1 | head -1
# A fixed heap keeps GC from resizing between sizes; the largest graph needs far less.
# shellcheck disable=SC2086
exec java -Xms1g -Xmx1g ${JAVA_OPTS:-} -jar benchmarks/target/migrate-benchmarks.jar "$@"
