# Shared by the benchmark scripts (sourced from the project root): pick a JDK 21+ when the default
# java is older, build target/coffer.jar when it is missing or BUILD=1, and json() to read answers.
if ! java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$jdk/bin/java" ] && "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      export JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH"; break
    fi
  done
fi
[ -f target/coffer.jar ] && [ "${BUILD:-0}" = 0 ] || mvn -B -q -DskipTests package
# json <python subscript>: prints that part of the JSON on stdin, e.g. json "['api_user']['api_key_id']".
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
# bench_login <base>: creates the sandbox workspace "bench" and sets TOKEN (a bearer token of its admin)
# and AUTH (curl's headers for it).
bench_login() {
  local created key secret
  created=$(curl -s -X POST "$1/sandbox/workspaces" -H 'Content-Type: application/json' -d '{"name":"bench"}')
  key=$(echo "$created" | json "['api_user']['api_key_id']"); secret=$(echo "$created" | json "['api_user']['api_key_secret']")
  TOKEN=$(curl -s -X POST "$1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"api_key_id\":\"$key\",\"api_key_secret\":\"$secret\"}" | json "['access_token']")
  AUTH=(-H "Authorization: Bearer $TOKEN" -H "X-Ledger-Workspace: bench" -H 'Content-Type: application/json')
}
# deposit_script <file> <account ids...>: a wrk script posting 1-wei sandbox deposits round-robin over those accounts.
deposit_script() {
  local file=$1; shift
  cat > "$file" <<LUA
local ids = {$(IFS=,; echo "$*")}
local n = 0
wrk.method = "POST"
wrk.body = '{"amount":"1"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.headers["X-Ledger-Workspace"] = "bench"
request = function()
  n = n + 1
  return wrk.format(nil, "/sandbox/accounts/" .. ids[(n % #ids) + 1] .. "/deposits")
end
LUA
}
