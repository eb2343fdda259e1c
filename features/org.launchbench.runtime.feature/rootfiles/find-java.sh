# Sourced by the LaunchBench start script (product root) and by ./build (repository root).
# find_java MIN [jdk]: prints the home of the newest Java MIN+ (a JDK with javac when "jdk" is given),
# trying $JAVA_HOME first, then `java` on the PATH, then the usual install folders. Prints nothing if none.

_lb_java_feature() { # the feature version (21, 25, ...) of the Java at home $1, or nothing
  [ -x "$1/bin/java" ] || return 0
  [ "${2:-}" != jdk ] || [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_java() {
  local min="$1" kind="${2:-}" cand v best="" bestv=0 onpath=""
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(_lb_java_feature "$JAVA_HOME" "$kind")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then echo "$JAVA_HOME"; return 0; fi
    echo "launchbench: JAVA_HOME=$JAVA_HOME is not a Java $min+${kind:+ $kind} (found ${v:-none}); looking for another" >&2
  fi
  if command -v java >/dev/null 2>&1; then onpath=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")"); fi
  for cand in $onpath /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/*; do
    [ -d "$cand" ] || continue
    v=$(_lb_java_feature "$cand" "$kind")
    if [ -n "$v" ] && [ "$v" -ge "$min" ] && [ "$v" -gt "$bestv" ]; then best="$cand"; bestv="$v"; fi
  done
  [ -n "$best" ] && echo "$best"
}
