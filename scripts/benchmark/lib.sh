# Functions of scripts/bench (sourced). They use the caller's $root, $work, $results and `started` array.

export PATH="$PATH:/usr/sbin:/usr/local/sbin"

has() { command -v "$1" >/dev/null; }
java_major() { java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1; }

install_missing() {
  local packages=()
  if ! has javac || ! has mvn || (( $(java_major || true) + 0 < 17 )); then packages+=(openjdk-17-jdk-headless maven); fi
  if ! has mariadbd || ! has mariadb-install-db || ! has mariadb; then packages+=(mariadb-server); fi
  if ! has smtp-sink || ! has smtp-source; then packages+=(postfix); fi
  if ! has python3; then packages+=(python3); fi
  if [[ ! -x /usr/bin/time ]]; then packages+=(time); fi
  if (( ${#packages[@]} > 0 )); then
    "$root/scripts/lib/apt-install" "${packages[@]}"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# TERM, then KILL after 10 s; children first (the process under /usr/bin/time is time's child).
stop_process() {
  local pid="$1" child
  for child in $(pgrep -P "$pid" 2>/dev/null || true); do stop_process "$child"; done
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

forget_process() {
  local pid="$1" kept=() p
  for p in "${started[@]}"; do [[ "$p" == "$pid" ]] || kept+=("$p"); done
  started=("${kept[@]}")
}

# A throwaway MariaDB: own data directory and socket, a free port on 127.0.0.1, a database `bench` and a
# user with a random password (given on stdin, never on a command line). Sets db_pid, db_port,
# db_socket, db_password. The InnoDB buffer pool holds a million deliveries; durability stays the default.
start_mariadb() {
  local dir="$1" user
  user="$(id -un)"
  mkdir -p "$dir"
  db_port="$(free_port)"
  db_socket="$dir/sock"
  echo "bench: starting MariaDB on 127.0.0.1:$db_port" >&2
  mariadb-install-db --no-defaults --auth-root-authentication-method=normal --skip-test-db \
    --datadir="$dir/data" --user="$user" > "$dir/install.log" 2>&1
  mariadbd --no-defaults --datadir="$dir/data" --port="$db_port" --bind-address=127.0.0.1 \
    --socket="$db_socket" --pid-file="$dir/mariadbd.pid" --log-error="$dir/error.log" --user="$user" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_bin --skip-name-resolve \
    --innodb-buffer-pool-size=1G --innodb-log-file-size=512M > "$dir/mariadbd.out" 2>&1 &
  db_pid=$!
  started+=("$db_pid")
  for _ in $(seq 600); do
    if mariadb-admin --no-defaults -S "$db_socket" -u root ping >/dev/null 2>&1; then break; fi
    kill -0 "$db_pid" 2>/dev/null || { cat "$dir/error.log" >&2; echo "bench: mariadbd exited" >&2; return 1; }
    sleep 0.1
  done
  db_password="$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')"
  mariadb --no-defaults -S "$db_socket" -u root <<SQL
CREATE DATABASE bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER 'bench'@'127.0.0.1' IDENTIFIED BY '$db_password';
GRANT ALL ON bench.* TO 'bench'@'127.0.0.1';
SQL
}

db_query() {
  mariadb --no-defaults -S "$db_socket" -u root bench --table -e "$1"
}

# smtp-sink on 127.0.0.1, accepting and discarding; -c keeps a running count of messages in $1.
start_smtp_sink() {
  local counter="$1" as_user=()
  sink_port="$(free_port)"
  sink_counter="$counter"
  if (( EUID == 0 )); then as_user=(-u nobody); fi
  echo "bench: starting smtp-sink on 127.0.0.1:$sink_port" >&2
  smtp-sink -c "${as_user[@]}" "127.0.0.1:$sink_port" 1024 > "$counter" 2> "$counter.err" &
  sink_pid=$!
  started+=("$sink_pid")
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$sink_port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  cat "$counter.err" >&2
  echo "bench: smtp-sink did not start" >&2
  return 1
}

sink_count() {
  local count
  count="$(tail -c 200 "$sink_counter" | tr '\r' '\n' | grep -o 'mesg=[0-9]*' | tail -n 1 | cut -d= -f2 || true)"
  echo "${count:-0}"
}

# CPU clock ticks used so far by MariaDB and smtp-sink together.
server_ticks() {
  local total=0 pid fields
  for pid in "$db_pid" "$sink_pid"; do
    read -r -a fields < <(sed 's/^.*) //' "/proc/$pid/stat")
    total=$(( total + fields[11] + fields[12] ))
  done
  echo "$total"
}

# The throttle is set far above what the box can do, so that the benchmark measures the send path and not
# the configured rate; the product opens as many SMTP sessions as smtp-source does.
write_job_file() {
  local file="$1" campaign="$2" csv="$3" templates="$4" sessions="$5" rate="${6:-1000000}"
  cat > "$file" <<YAML
# Written by scripts/bench: the example campaign's templates, with a throttle that does not limit.
campaign: $campaign
input:
  file: $csv
  encoding: auto
  columns: {customerId: 会員ID, name: 氏名, email: メールアドレス, cohort: 区分}
sender:
  from: "ディー・エル・マーケット株式会社 <support@dlmarket.example>"
cohorts:
  card: card-leak
  form: fake-form-only
hotline: {phone: "0120-790-230", hours: "9:30~18:30(土・日・祝祭日を含む)"}
managementCode: {prefix: DL}
templates: $templates
zone: Asia/Tokyo
throttle:
  messagesPerSecond: $rate
  connections: $sessions
  domains:
YAML
  # The built-in limits for the carriers and the big free-mail domains (2–10 msg/s) would measure the
  # throttle, not the send path: every domain the generator uses gets an entry that does not limit.
  local domain
  for domain in $(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import recipients; print(*[d for d, _ in recipients.DOMAINS])' "$root/scripts/benchmark"); do
    echo "    $domain: {messagesPerSecond: 1000000, connections: $sessions, messagesPerConnection: 1000000}" >> "$file"
  done
}

# Samples the resident set of the process that /usr/bin/time ($1) runs, once a second: "seconds KiB".
sample_rss() {
  local timer="$1" out="$2" child="" start
  start="$(date +%s)"
  for _ in $(seq 50); do
    child="$(pgrep -P "$timer" | head -n 1 || true)"
    [[ -n "$child" ]] && break
    sleep 0.1
  done
  [[ -n "$child" ]] || return 0
  while [[ -r "/proc/$child/status" ]]; do
    awk -v t="$(( $(date +%s) - start ))" '/^VmRSS:/ {print t, $2}' "/proc/$child/status" >> "$out" 2>/dev/null || true
    sleep 1
  done
}

# measure TOOL SESSIONS MESSAGES COMMAND…: runs COMMAND under /usr/bin/time and appends one row.
measure() {
  local tool="$1" sessions="$2" messages="$3" label
  shift 3
  label="$tool"
  if [[ "$tool" == smtp-source ]]; then label="smtp-source-$sessions"; fi
  echo "bench: $label: $messages messages over $sessions session(s)" >&2
  local before_count before_ticks started_ns ended_ns rc=0 timer sampler
  before_count="$(sink_count)"
  before_ticks="$(server_ticks)"
  started_ns="$(date +%s%N)"
  /usr/bin/time -v -o "$results/$label.time" "$@" > "$results/$label.log" 2>&1 &
  timer=$!
  started+=("$timer")
  sample_rss "$timer" "$results/$label.rss" &
  sampler=$!
  wait "$timer" || rc=$?
  ended_ns="$(date +%s%N)"
  forget_process "$timer"
  wait "$sampler" || true
  sleep 0.2 # smtp-sink updates its counter when the session ends
  local delivered=$(( $(sink_count) - before_count ))
  local server_cpu
  server_cpu="$(awk -v t="$(( $(server_ticks) - before_ticks ))" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}')"
  local rss cpu seconds
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$results/$label.time")"
  cpu="$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$results/$label.time")"
  seconds="$(awk -v n="$(( ended_ns - started_ns ))" 'BEGIN {printf "%.2f", n / 1e9}')"
  if (( rc != 0 )); then echo "bench: $label exited with $rc (see $results/$label.log)" >&2; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$sessions" "$messages" "$delivered" "$seconds" \
    "${rss:-0}" "$cpu" "$server_cpu" "$rc" >> "$work/rows.tsv"
}

# What the product recorded: statuses, and how long its import and send steps took.
product_ledger() {
  local campaign="$1"
  echo
  echo "product ledger, campaign $campaign:"
  db_query "SELECT status, COUNT(*) AS deliveries FROM delivery WHERE campaign_id = '$campaign' GROUP BY status"
  db_query "SELECT s.STEP_NAME AS step, s.WRITE_COUNT AS items,
              TIMESTAMPDIFF(SECOND, s.START_TIME, s.END_TIME) AS seconds
            FROM BATCH_STEP_EXECUTION s ORDER BY s.STEP_EXECUTION_ID"
  if [[ -s "$results/product.rss" ]]; then
    awk '{ rss[NR] = $2; if ($2 > max) max = $2 }
         END { printf "product resident set (MiB) at 25/50/75/100 %% of the run: %d / %d / %d / %d (max sampled %d)\n",
               rss[int(NR/4)+1] / 1024, rss[int(NR/2)+1] / 1024, rss[int(3*NR/4)+1] / 1024, rss[NR] / 1024, max / 1024 }' \
      "$results/product.rss"
  fi
}

# The rate a throttled run kept, from the ledger's own sent_at times (JVM start and import excluded).
throttled_rate() {
  local campaign="$1" configured="$2"
  mariadb --no-defaults -S "$db_socket" -u root bench -N -e "
    SELECT COUNT(*), TIMESTAMPDIFF(MICROSECOND, MIN(sent_at), MAX(sent_at)) / 1e6
    FROM delivery WHERE campaign_id = '$campaign' AND status = 'SENT'" |
  awk -v r="$configured" '{ rate = ($2 > 0) ? ($1 - 1) / $2 : 0;
    printf "throttled run: %d messages sent over %.1f s: %.2f msg/s against %s configured (%+.2f %%)\n",
           $1, $2, rate, r, (rate / r - 1) * 100 }'
}

print_table() {
  python3 "$root/scripts/benchmark/table.py" "$1"
}
