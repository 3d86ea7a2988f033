# Sourced by the test scripts: the dev stack on test ports of its own (so a local run of the
# application can stay up meanwhile), started now and stopped by process id when the script exits.
# Sets TEST_STACK_MAVEN_ARGS: what tells Maven where the test stack is.

repo=${repo:?}
export CHATAPP_HOME=${TEST_STACK_HOME:-$repo/target/test-stack}
# The ports can be moved (TEST_*_PORT) to run two test scripts side by side from two checkouts.
export KAFKA_PORT=${TEST_KAFKA_PORT:-19092} KAFKA_CONTROLLER_PORT=${TEST_KAFKA_CONTROLLER_PORT:-19093}
export MONGO_PORT=${TEST_MONGO_PORT:-27117} OIDC_PORT=${TEST_OIDC_PORT:-15556}
export MONGO_BACKEND=${MONGO_BACKEND:-memory}
TEST_HTTP_PORT=${TEST_HTTP_PORT:-19080}
TEST_HTTPS_PORT=${TEST_HTTPS_PORT:-19443}
TEST_STACK_MAVEN_ARGS=(
  -Dhttp.port=$TEST_HTTP_PORT -Dhttps.port=$TEST_HTTPS_PORT
  -Dit.kafka.bootstrap=127.0.0.1:$KAFKA_PORT
  -Dit.oidc.issuer=http://localhost:$OIDC_PORT/dex
  -Dit.mongodb.uri=mongodb://127.0.0.1:$MONGO_PORT
)

test_stack_cleanups=("$repo/scripts/devstack.sh stop")
test_stack_stop() {
  local i
  for ((i = ${#test_stack_cleanups[@]} - 1; i >= 0; i--)); do
    ${test_stack_cleanups[i]} || true
  done
}
trap test_stack_stop EXIT

rm -rf "$CHATAPP_HOME"
"$repo/scripts/devstack.sh" start

# Builds the backend (with the user feature its server needs) and starts a Liberty server of that
# name on the test stack; it is stopped when the script exits. Further Maven arguments (ports,
# -Dfrontend.skip=true, settings) apply to both steps.
liberty=$repo/backend/target/liberty/wlp
start_test_server() { # name [maven args...]
  build_test_server "${@:2}"
  start_another_test_server "$@"
}

# Builds what start_another_test_server starts.
build_test_server() { # [maven args...]
  mvn -B -q -f "$repo/pom.xml" -pl extensions/token-redaction,tools/chat-client,backend package -DskipTests "$@"
}

# Starts one more server of what start_test_server built, without building it again: a build
# would make the servers already running reload the application, and start cold again.
start_another_test_server() { # name [maven args...]
  local name=$1; shift
  mvn -B -q -f "$repo/pom.xml" -pl backend -Pteststack "${TEST_STACK_MAVEN_ARGS[@]}" -Dliberty.server.name="$name" "$@" \
    liberty:create liberty:deploy liberty:start
  test_stack_cleanups+=("$liberty/bin/server stop $name")
}
