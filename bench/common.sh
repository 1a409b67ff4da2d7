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
