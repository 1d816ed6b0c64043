#!/usr/bin/env bash
# The PostgreSQL backup and restore procedure of the README ("Backup and restore"), run once: the packaged application
# on a fresh database (juece_ops_backup) with both roles, some decisions driven through /api, the audit chains checked
# (cn.juece.audit.AuditChainCli from the jar), an online pg_dump as the owner, pg_restore into another fresh database
# (juece_ops_restore), the application started on the copy (both roles, Flyway as the owner), readiness, and the
# chains checked again: every chain intact and the same, entry for entry and hash for hash, as in the original.
# Needs the packaged jar (./mvnw package -DskipTests), PostgreSQL on 127.0.0.1:5432 (.ci/postgres.sh) and root (it
# makes its two databases as the postgres superuser, as a DBA would). Takes one to two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE=juece_ops_backup
COPY=juece_ops_restore
HOST=127.0.0.1
OWNER=${JUECE_TEST_DB_OWNER:-juece}
OWNER_PASSWORD=${JUECE_TEST_DB_OWNER_PASSWORD:-juece}
APP=${JUECE_TEST_DB_USER:-juece_app}
APP_PASSWORD=${JUECE_TEST_DB_PASSWORD:-juece_app}
WORK=target/backup-restore
started=$(date +%s)

jar=$(ls target/juece-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
[ -n "$jar" ] || { echo "[backup] no packaged jar: ./mvnw package -DskipTests first" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18089)
app_pid=

say() { echo "[backup $(($(date +%s) - started))s] $*"; }

# An empty database owned by the owner, schema public open to the application's role (README, "Running on PostgreSQL").
fresh_database() {
  runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -d postgres \
    -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" \
    -c "CREATE DATABASE $1 OWNER $OWNER ENCODING 'UTF8' TEMPLATE template0"
  runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -d "$1" -c "GRANT USAGE, CREATE ON SCHEMA public TO $APP"
}

# The packaged application on a database, both roles, as the README starts it; waits for readiness.
start_app() {
  local db=$1 log=$2
  JUECE_DB_URL="jdbc:postgresql://$HOST:5432/$db" JUECE_DB_USER=$APP JUECE_DB_PASSWORD=$APP_PASSWORD \
  JUECE_DB_OWNER=$OWNER JUECE_DB_OWNER_PASSWORD=$OWNER_PASSWORD SPRING_PROFILES_ACTIVE=postgres \
    java -Xmx512m -XX:TieredStopAtLevel=1 -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 \
         -jar "$jar" --server.port="$port" > "$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do
    if curl -sf "http://$HOST:$port/actuator/health/readiness" >/dev/null; then
      say "application ready on $db (pid $app_pid)"
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || { tail -40 "$log"; echo "[backup] the application exited" >&2; exit 1; }
    sleep 1
  done
  tail -40 "$log"; echo "[backup] the application was not ready within 240 s" >&2; exit 1
}

stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"; wait "$app_pid" || true
  fi
  app_pid=
}
trap stop_app EXIT

api() { # user method path [json]
  curl -sS --fail-with-body -u "$1:Juece2026" -H 'Content-Type: application/json' -X "$2" "http://$HOST:$port$3" ${4:+-d "$4"}
}
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -1; }

# The audit chains, by the command that needs no application (README, "Audit chain"), from the jar itself.
chains() {
  java -cp "$jar" -Dloader.main=cn.juece.audit.AuditChainCli org.springframework.boot.loader.launch.PropertiesLauncher \
       "jdbc:postgresql://$HOST:5432/$1" "$APP" "$APP_PASSWORD"
}

count() { PGPASSWORD=$OWNER_PASSWORD psql -h $HOST -U "$OWNER" -d "$1" -tAc "$2"; }

say "fresh database $SOURCE, the packaged application on it"
fresh_database $SOURCE
start_app $SOURCE "$WORK/app-source.log"

say "driving decisions through /api"
# a .docx is a zip archive (uploads are judged by their content, support.FileKinds): the JDK's jar tool makes one
mkdir -p "$WORK/study" && printf '研究论证报告（备份测试）' > "$WORK/study/content.txt"
(cd "$WORK/study" && jar cfM ../study.docx content.txt)
for title in 城区集中供热价格调整方案（备份） 农村公路养护办法（备份） 县城区停车收费标准调整（备份）; do
  n=$(api fgj_wang POST /api/decisions \
        "{\"title\":\"$title\",\"summary\":\"备份与恢复测试\",\"source\":\"LEADER\",\"proposer\":\"李明华\",\"leadUnit\":\"fgj\"}" | field number)
  api fgj_wang PUT "/api/decisions/$n/category" '{"category":"ART3_1"}' >/dev/null
  api fgj_wang PUT "/api/decisions/$n/study" '{"problem":"现行标准已执行多年","reasonsBasis":"《价格法》第二十三条","preliminaryPlan":"分两年调整到位","necessity":"保障运营","feasibility":"群众负担增幅可控"}' >/dev/null
  curl -sS --fail-with-body -u fgj_wang:Juece2026 -F type=STUDY_REPORT -F "file=@$WORK/study.docx" \
       "http://$HOST:$port/api/decisions/$n/materials" >/dev/null
  task=$(api fgj_wang GET "/api/decisions/$n/tasks" | field id)
  api fgj_wang POST "/api/tasks/$task/complete" '{"outcome":"IN_SCOPE","reason":"属于第三条第一项所列事项"}' >/dev/null
  task=$(api bgs_chen GET "/api/decisions/$n/tasks" | field id)
  api bgs_chen POST "/api/tasks/$task/complete" '{"outcome":"LAUNCH","reason":"县政府第12次常务会议决定启动"}' >/dev/null
  say "  $n: studied and launched"
done
decisions=$(count $SOURCE "SELECT COUNT(*) FROM juece.decision")
entries=$(count $SOURCE "SELECT COUNT(*) FROM juece.audit_entry")
chains $SOURCE > "$WORK/chains-source.txt"
say "source: $decisions decisions, $entries audit entries, $(grep -c $'\t' "$WORK/chains-source.txt") chains intact"

say "pg_dump as the owner ($OWNER), the application still running"
PGPASSWORD=$OWNER_PASSWORD pg_dump -h $HOST -U "$OWNER" -d $SOURCE --format=custom --file="$WORK/juece.dump"
stop_app
ls -l "$WORK/juece.dump"

say "pg_restore into the fresh database $COPY"
fresh_database $COPY
PGPASSWORD=$OWNER_PASSWORD pg_restore -h $HOST -U "$OWNER" -d $COPY --exit-on-error "$WORK/juece.dump"
[ "$(count $COPY "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'act_ru_task'")" = "$APP" ] \
  || { echo "[backup] Camunda's tables must belong to $APP after the restore" >&2; exit 1; }
[ "$(count $COPY "SELECT has_table_privilege('$APP', 'juece.audit_entry', 'UPDATE')")" = "f" ] \
  || { echo "[backup] the application's role may UPDATE audit entries after the restore" >&2; exit 1; }

say "the application on the copy"
start_app $COPY "$WORK/app-copy.log"
[ "$(count $COPY "SELECT COUNT(*) FROM juece.decision")" = "$decisions" ] || { echo "[backup] decisions differ" >&2; exit 1; }
curl -sf -u fgj_wang:Juece2026 "http://$HOST:$port/api/decisions" | grep -q '（备份）' \
  || { echo "[backup] the restored decisions are not served" >&2; exit 1; }
chains $COPY > "$WORK/chains-copy.txt"
stop_app
diff "$WORK/chains-source.txt" "$WORK/chains-copy.txt" \
  || { echo "[backup] the restored chains differ from the original's" >&2; exit 1; }
say "restored: every chain intact, the same last hashes as the original ($(tail -1 "$WORK/chains-copy.txt"))"
