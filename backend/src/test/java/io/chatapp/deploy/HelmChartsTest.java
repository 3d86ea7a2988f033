package io.chatapp.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.chatapp.deploy.RenderedChart.at;
import static io.chatapp.deploy.RenderedChart.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelmChartsTest {

    private static Map<String, Object> podSpec(RenderedChart chart) {
        return at(chart.one("Deployment"), "spec", "template", "spec");
    }

    private static Map<String, Object> container(RenderedChart chart) {
        return at(podSpec(chart), "containers", 0);
    }

    private static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        List<Map<String, Object>> env = at(container, "env");
        return env.stream().collect(Collectors.toMap(entry -> (String) entry.get("name"), entry -> entry));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chatapp-backend", "chatapp-frontend", "chatapp-infra"})
    void chartsPassStrictLint(String chart) {
        LintResult result = new Helm(RenderedChart.CHARTS.resolve(chart)).lint().strict().call();
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }

    @ParameterizedTest
    @CsvSource({"chatapp-backend,", "chatapp-backend,production-backend.yaml", "chatapp-frontend,",
            "chatapp-frontend,production-frontend.yaml"})
    void everyPodMeetsTheRestrictedPodSecurityStandard(String chart, String values) {
        assertRestricted(podSpec(render(chart, values)));
    }

    /** The pod meets the restricted standard, writes nothing outside its volumes and has bounded resources. */
    private static List<Map<String, Object>> assertRestricted(Map<String, Object> pod) {
        assertEquals(true, at(pod, "securityContext", "runAsNonRoot"));
        assertEquals("RuntimeDefault", at(pod, "securityContext", "seccompProfile", "type"));
        assertEquals(false, at(pod, "automountServiceAccountToken"));
        List<Map<String, Object>> containers = new ArrayList<>(at(pod, "containers"));
        if (pod.get("initContainers") != null) {
            containers.addAll(at(pod, "initContainers"));
        }
        for (Map<String, Object> container : containers) {
            String name = (String) container.get("name");
            assertEquals(false, at(container, "securityContext", "allowPrivilegeEscalation"), name);
            assertEquals(true, at(container, "securityContext", "readOnlyRootFilesystem"), name);
            assertEquals(true, at(container, "securityContext", "runAsNonRoot"), name);
            assertEquals(List.of("ALL"), at(container, "securityContext", "capabilities", "drop"), name);
            assertEquals("RuntimeDefault", at(container, "securityContext", "seccompProfile", "type"), name);
            assertNotNull(at(container, "resources", "requests", "cpu"), name);
            assertNotNull(at(container, "resources", "limits", "memory"), name);
        }
        return containers;
    }

    @Test
    void theLocalInfrastructureIsRestrictedAndCreatesTheTopics() {
        RenderedChart rendered = render("chatapp-infra", null);
        List<Map<String, Object>> pods = new ArrayList<>();
        rendered.all("StatefulSet").forEach(set -> pods.add(at(set, "spec", "template", "spec")));
        pods.add(at(rendered.one("Job"), "spec", "template", "spec"));
        assertEquals(3, pods.size());
        for (Map<String, Object> pod : pods) {
            for (Map<String, Object> container : assertRestricted(pod)) {
                String name = (String) container.get("name");
                List<Map<String, Object>> mounts = at(container, "volumeMounts");
                assertTrue(mounts.stream().anyMatch(mount -> "/tmp".equals(mount.get("mountPath"))) || "config".equals(name),
                        name + " has no writable /tmp");
            }
        }
        Map<String, Map<String, Object>> servers = new java.util.HashMap<>();
        rendered.all("StatefulSet").forEach(set -> servers.put(at(set, "metadata", "name"), at(set, "spec", "template", "spec", "containers", 0)));
        assertEquals(List.of("/var/lib/kafka/data", "/opt/kafka/config", "/opt/kafka/logs", "/tmp"),
                RenderedChart.<List<Map<String, Object>>>at(servers.get("kafka"), "volumeMounts").stream().map(mount -> mount.get("mountPath")).toList());
        assertEquals(List.of("/data/db", "/data/configdb", "/tmp"),
                RenderedChart.<List<Map<String, Object>>>at(servers.get("mongodb"), "volumeMounts").stream().map(mount -> mount.get("mountPath")).toList());
        assertEquals(List.of("mongosh", "--quiet", "--eval", "db.adminCommand('ping').ok"),
                at(servers.get("mongodb"), "livenessProbe", "exec", "command"));
        assertEquals(6, RenderedChart.<Integer>at(servers.get("mongodb"), "livenessProbe", "failureThreshold"));
        String topics = String.join(" ", RenderedChart.<List<String>>at(rendered.one("Job"), "spec", "template", "spec", "containers", 0, "command"));
        assertTrue(topics.contains("chat-messages:3 chat-messages-dlq:1"), topics);
        assertTrue(topics.contains("--topic chat-signals --partitions 3 --replication-factor 1 --config retention.ms=60000"), topics);
        assertEquals("mongodb://mongodb-0.mongodb:27017/?replicaSet=rs0&serverSelectionTimeoutMS=3000",
                at(rendered.one("Secret"), "stringData", "uri"));
    }

    @Test
    void onlyTheWebAppAndTheIngressControllerReachTheBackend() {
        Map<String, Object> policy = render("chatapp-backend", null).one("NetworkPolicy");
        assertEquals("chatapp-backend", at(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"));
        assertEquals(List.of("Ingress"), at(policy, "spec", "policyTypes"));
        List<Map<String, Object>> rules = at(policy, "spec", "ingress");
        assertEquals(2, rules.size());
        // Prometheus, from its namespace, for /metrics.
        assertEquals("monitoring", at(rules.get(1), "from", 0, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
        assertEquals(List.of(Map.of("protocol", "TCP", "port", "http")), at(rules.get(1), "ports"));
        assertEquals(List.of(Map.of("protocol", "TCP", "port", "http")), at(rules.get(0), "ports"));
        List<Map<String, Object>> peers = at(rules.get(0), "from");
        assertEquals(3, peers.size());
        assertEquals("chatapp-frontend", at(peers.get(0), "podSelector", "matchLabels", "app.kubernetes.io/name"));
        assertEquals(Map.of("app.kubernetes.io/part-of", "chatapp", "app.kubernetes.io/component", "smoke-check"),
                at(peers.get(1), "podSelector", "matchLabels"));
        assertEquals("ingress-nginx", at(peers.get(2), "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));

        RenderedChart withoutPolicy = RenderedChart.render("chatapp-backend", null, Map.of("networkPolicy.enabled", "false"));
        assertTrue(withoutPolicy.all("NetworkPolicy").isEmpty());
    }

    @Test
    void helmTestRunsTheSmokeCheckInsideTheClusterAsARestrictedPodTheBackendAdmits() throws IOException {
        String template = Files.readString(RenderedChart.CHARTS.resolve("chatapp-frontend/templates/tests/smoke-check.yaml"));
        assertEquals(2, template.split("helm.sh/hook: test", -1).length - 1, "the pod and its script are not both test hooks");
        RenderedChart rendered = RenderedChart.renderTests("chatapp-frontend", null);
        Map<String, Object> pod = rendered.one("Pod");
        Map<String, Object> labels = at(pod, "metadata", "labels");
        assertEquals("chatapp", labels.get("app.kubernetes.io/part-of"));
        assertEquals("smoke-check", labels.get("app.kubernetes.io/component"));
        Map<String, Object> container = at(pod, "spec", "containers", 0);
        assertEquals(List.of("sh", "/smoke/smoke-check.sh", "http://chat-chatapp-frontend:8080", "http://chatapp-backend:9080"),
                at(container, "command"));
        assertRestricted(at(pod, "spec"));
        assertEquals("Never", at(pod, "spec", "restartPolicy"));
        Map<String, Object> script = rendered.one("ConfigMap");
        assertEquals(Files.readString(RenderedChart.CHARTS.resolve("chatapp-frontend/files/smoke-check.sh")).strip(),
                RenderedChart.<String>at(script, "data", "smoke-check.sh").strip());

        // On Tilt the API is reached through the web app's proxy, and Dex by its Service.
        Map<String, Object> onTilt = at(RenderedChart.renderTests("chatapp-frontend", "../tilt/frontend-values.yaml").one("Pod"), "spec", "containers", 0);
        assertEquals(List.of("sh", "/smoke/smoke-check.sh", "http://chat-chatapp-frontend:8080",
                "http://chat-chatapp-frontend:8080", "http://dex:5556/dex"), at(onTilt, "command"));
    }

    @Test
    void onlyTheBackendReachesKafkaAndMongoDb() {
        RenderedChart rendered = render("chatapp-infra", null);
        Map<String, Map<String, Object>> policies = new java.util.HashMap<>();
        rendered.all("NetworkPolicy").forEach(policy -> policies.put(at(policy, "metadata", "name"), policy));
        assertEquals(Set.of("kafka", "mongodb"), policies.keySet());
        for (Map.Entry<String, Map<String, Object>> policy : policies.entrySet()) {
            assertEquals(policy.getKey(), at(policy.getValue(), "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"));
            List<Map<String, Object>> rules = at(policy.getValue(), "spec", "ingress");
            assertEquals(1, rules.size(), policy.getKey());
            List<String> admitted = RenderedChart.<List<Map<String, Object>>>at(rules.get(0), "from").stream()
                    .map(peer -> RenderedChart.<String>at(peer, "podSelector", "matchLabels", "app.kubernetes.io/name")).toList();
            assertEquals(policy.getKey().equals("kafka") ? List.of("chatapp-backend", "kafka-topics") : List.of("chatapp-backend"),
                    admitted, policy.getKey());
        }
        assertEquals("kafka-topics", at(rendered.one("Job"), "spec", "template", "metadata", "labels", "app.kubernetes.io/name"));
    }

    @Test
    void theBackendIsProbedOnItsHealthEndpoints() {
        Map<String, Object> backend = container(render("chatapp-backend", null));
        assertEquals("/health/started", at(backend, "startupProbe", "httpGet", "path"));
        assertEquals("/health/live", at(backend, "livenessProbe", "httpGet", "path"));
        assertEquals("/health/ready", at(backend, "readinessProbe", "httpGet", "path"));
        assertEquals("http", at(backend, "readinessProbe", "httpGet", "port"));
        assertEquals(9080, (int) at(backend, "ports", 0, "containerPort"));
    }

    @Test
    void theBackendGetsEverySettingAsEnvironment() {
        RenderedChart rendered = render("chatapp-backend", null);
        Map<String, Map<String, Object>> env = env(container(rendered));

        assertEquals("metadata.name", at(env.get("CHAT_INSTANCE_ID"), "valueFrom", "fieldRef", "fieldPath"));
        assertEquals("kafka:9092", env.get("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS").get("value"));
        assertEquals("chatapp-mongodb", at(env.get("CHAT_MONGODB_URI"), "valueFrom", "secretKeyRef", "name"));
        assertEquals("uri", at(env.get("CHAT_MONGODB_URI"), "valueFrom", "secretKeyRef", "key"));
        assertEquals("https://dex.example.com/dex", env.get("MP_JWT_VERIFY_ISSUER").get("value"));
        assertEquals("https://dex.example.com/dex/keys", env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").get("value"));
        assertEquals("chatapp", env.get("MP_JWT_VERIFY_AUDIENCES").get("value"));
        assertEquals("https://chat.example.com", env.get("CHAT_WEBSOCKET_ALLOWED_ORIGINS").get("value"));
        assertFalse(env.containsKey("JAVA_TOOL_OPTIONS"));
        assertEquals("json", env.get("WLP_LOGGING_CONSOLE_FORMAT").get("value"));
        assertEquals("message,accessLog,ffdc", env.get("WLP_LOGGING_CONSOLE_SOURCE").get("value"));
        assertEquals("PLAINTEXT", env.get("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SECURITY_PROTOCOL").get("value"));
        assertFalse(env.containsKey("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SASL_JAAS_CONFIG"));
        assertEquals("true", env.get("OTEL_SDK_DISABLED").get("value"));
        assertFalse(env.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));

        assertEquals(2, (int) at(rendered.one("Deployment"), "spec", "replicas"));
        assertEquals(30, (int) at(rendered.one("Deployment"), "spec", "minReadySeconds"));
        assertEquals(Map.of("maxSurge", 1, "maxUnavailable", 0), at(rendered.one("Deployment"), "spec", "strategy", "rollingUpdate"));
        assertEquals(45, (int) at(podSpec(rendered), "terminationGracePeriodSeconds"));
        assertEquals(1, (int) at(rendered.one("PodDisruptionBudget"), "spec", "minAvailable"));
        assertTrue(rendered.all("HorizontalPodAutoscaler").isEmpty());
        assertEquals(9080, (int) at(rendered.one("Service"), "spec", "ports", 0, "port"));
    }

    @Test
    void withTracingOnTracesGoToTheCollectorOverOtlpAndNothingElseDoes() {
        Map<String, Map<String, Object>> env = env(container(render("chatapp-backend", "production-backend.yaml")));
        assertEquals("false", env.get("OTEL_SDK_DISABLED").get("value"));
        assertEquals("http://otel-collector.observability:4317", env.get("OTEL_EXPORTER_OTLP_ENDPOINT").get("value"));
        assertEquals("grpc", env.get("OTEL_EXPORTER_OTLP_PROTOCOL").get("value"));
        assertEquals("parentbased_traceidratio", env.get("OTEL_TRACES_SAMPLER").get("value"));
        assertEquals("0.1", env.get("OTEL_TRACES_SAMPLER_ARG").get("value"));
        assertEquals("chat-chatapp-backend", env.get("OTEL_SERVICE_NAME").get("value"));
        assertEquals("none", env.get("OTEL_METRICS_EXPORTER").get("value"));
        assertEquals("none", env.get("OTEL_LOGS_EXPORTER").get("value"));
    }

    @Test
    void prometheusFindsThePodsAndTheOperatorsObjectsCarryTheAlertsAndTheDashboard() throws IOException {
        RenderedChart plain = render("chatapp-backend", null);
        assertEquals(Map.of("prometheus.io/scrape", "true", "prometheus.io/port", "9080", "prometheus.io/path", "/metrics"),
                at(plain.one("Deployment"), "spec", "template", "metadata", "annotations"));
        for (String kind : List.of("ServiceMonitor", "PrometheusRule", "ConfigMap")) {
            assertTrue(plain.all(kind).isEmpty(), kind + " without being asked for");
        }

        RenderedChart production = render("chatapp-backend", "production-backend.yaml");
        Map<String, Object> monitor = production.one("ServiceMonitor");
        assertEquals("kube-prometheus-stack", at(monitor, "metadata", "labels", "release"));
        assertEquals(Map.of("port", "http", "path", "/metrics", "interval", "30s"), at(monitor, "spec", "endpoints", 0));
        assertEquals("chatapp-backend", at(monitor, "spec", "selector", "matchLabels", "app.kubernetes.io/name"));

        Map<String, Object> rules = new org.yaml.snakeyaml.Yaml().load(
                Files.readString(RenderedChart.CHARTS.resolve("chatapp-backend/files/prometheus-rules.yaml")));
        assertEquals(rules.get("groups"), at(production.one("PrometheusRule"), "spec", "groups"));
        List<String> alerts = RenderedChart.<List<Map<String, Object>>>at(production.one("PrometheusRule"), "spec", "groups", 0, "rules")
                .stream().map(rule -> (String) rule.get("alert")).toList();
        assertEquals(List.of("ChatBackendNotReady", "ChatConsumerLagGrowing", "ChatDeadLetters", "ChatHttpErrors", "ChatLatencyHigh"), alerts);

        Map<String, Object> dashboard = production.one("ConfigMap");
        assertEquals("1", at(dashboard, "metadata", "labels", "grafana_dashboard"));
        JsonObject json = Json.createReader(new StringReader(at(dashboard, "data", "chatapp-backend.json"))).readObject();
        assertEquals("Chat backend", json.getString("title"));
        assertEquals(Files.readString(RenderedChart.CHARTS.resolve("chatapp-backend/files/grafana-dashboard.json")).strip(),
                RenderedChart.<String>at(dashboard, "data", "chatapp-backend.json").strip());
    }

    @Test
    void inProductionTheIssuerTheBrowserSeesAndTheKeysTheBackendFetchesAreSeparate() {
        RenderedChart rendered = render("chatapp-backend", "production-backend.yaml");
        Map<String, Object> pod = podSpec(rendered);
        Map<String, Map<String, Object>> env = env(container(rendered));

        assertEquals("https://login.example.com/dex", env.get("MP_JWT_VERIFY_ISSUER").get("value"));
        assertEquals("https://dex.auth.svc.cluster.local:5556/dex/keys", env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").get("value"));
        // The internal CA becomes part of the JVM's truststore.
        assertEquals("truststore", at(pod, "initContainers", 0, "name"));
        assertEquals("internal-ca", at(pod, "volumes", 3, "secret", "secretName"));
        assertTrue(((String) env.get("JAVA_TOOL_OPTIONS").get("value")).contains("-Djavax.net.ssl.trustStore=/truststore/cacerts.p12"));
        // Kafka over TLS with SASL/SCRAM: the connector's settings, which every Kafka client of the backend takes.
        assertEquals("SASL_SSL", env.get("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SECURITY_PROTOCOL").get("value"));
        assertEquals("SCRAM-SHA-512", env.get("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SASL_MECHANISM").get("value"));
        assertEquals(Map.of("name", "chat-kafka", "key", "sasl.jaas.config"),
                at(env.get("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SASL_JAAS_CONFIG"), "valueFrom", "secretKeyRef"));
        assertEquals("PEM", env.get("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SSL_TRUSTSTORE_TYPE").get("value"));
        assertEquals("/kafka-ca/ca.crt", env.get("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SSL_TRUSTSTORE_LOCATION").get("value"));
        List<Map<String, Object>> volumes = at(pod, "volumes");
        assertTrue(volumes.stream().anyMatch(volume -> "kafka-ca".equals(volume.get("name"))
                && "kafka-cluster-ca".equals(at(volume, "secret", "secretName"))), volumes.toString());
        List<Map<String, Object>> mounts = at(container(rendered), "volumeMounts");
        assertTrue(mounts.stream().anyMatch(mount -> "/kafka-ca".equals(mount.get("mountPath"))), mounts.toString());
        // The autoscaler owns the replica count.
        assertNull(at(rendered.one("Deployment"), "spec", "replicas"));
        assertEquals(10, (int) at(rendered.one("HorizontalPodAutoscaler"), "spec", "maxReplicas"));
        assertEquals(2, (int) at(rendered.one("PodDisruptionBudget"), "spec", "minAvailable"));
    }

    @Test
    void theWebAppsConfigJsComesFromValues() {
        RenderedChart rendered = render("chatapp-frontend", "production-frontend.yaml");
        String script = at(rendered.one("ConfigMap"), "data", "config.js");
        assertTrue(script.startsWith("window.__CHATAPP_CONFIG__ = {"), script);
        JsonObject config = Json.createReader(new StringReader(script.substring(script.indexOf('{'), script.lastIndexOf('}') + 1))).readObject();
        assertEquals("https://login.example.com/dex", config.getString("VUE_APP_DEX_ISSUER_URL"));
        assertEquals("chat-web", config.getString("VUE_APP_DEX_CLIENT_ID"));
        assertEquals("https://chat.example.com/", config.getString("VUE_APP_DEX_REDIRECT_URI"));
        assertEquals("openid profile email offline_access groups", config.getString("VUE_APP_DEX_SCOPES"));
        assertEquals("/api", config.getString("VUE_APP_API_BASE_URL"));
        assertEquals("wss://chat.example.com/ws/chat", config.getString("VUE_APP_WS_URL"));
    }

    @Test
    void theWebAppIsServedWithSecurityHeadersAndTheIssuerAllowed() {
        RenderedChart rendered = render("chatapp-frontend", "production-frontend.yaml");
        String headers = at(rendered.one("ConfigMap"), "data", "security-headers.conf");
        assertTrue(headers.contains("X-Content-Type-Options \"nosniff\""));
        assertTrue(headers.contains("Referrer-Policy"));
        assertTrue(headers.contains("frame-ancestors 'none'"));
        assertTrue(headers.contains("connect-src 'self' https://login.example.com wss://chat.example.com"), headers);
        // No backend-proxy.conf: the Ingress routes the API.
        Map<String, Object> data = at(rendered.one("ConfigMap"), "data");
        assertEquals(Set.of("config.js", "security-headers.conf"), data.keySet());
        assertNotNull(at(rendered.one("Deployment"), "spec", "template", "metadata", "annotations", "checksum/config"));
    }

    @Test
    void nginxRunsTheImagesOwnServerBlock() throws IOException {
        List<Map<String, Object>> mounts = at(container(render("chatapp-frontend", "production-frontend.yaml")), "volumeMounts");
        Set<String> paths = mounts.stream().map(mount -> (String) mount.get("mountPath")).collect(Collectors.toSet());
        assertEquals(Set.of("/etc/chatapp", "/tmp"), paths);
        String serverBlock = Files.readString(Path.of("..", "frontend", "nginx", "default.conf"));
        assertTrue(serverBlock.contains("include /etc/chatapp/security-headers.conf;"), serverBlock);
        assertTrue(serverBlock.contains("include /etc/chatapp/backend-proxy*.conf;"), serverBlock);
    }

    @Test
    void withoutAnIngressTheWebAppCanPassTheApiToTheBackend() {
        String proxy = at(render("chatapp-frontend", null, Map.of("backendProxyUrl", "http://chat-backend:9080"))
                .one("ConfigMap"), "data", "backend-proxy.conf");
        assertTrue(proxy.startsWith("location /api/ {\n  proxy_pass http://chat-backend:9080;"), proxy);
        assertTrue(proxy.contains("proxy_set_header Upgrade $http_upgrade;"));
    }

    @Test
    void theIngressRoutesApiAndWebSocketToTheBackendAndTheRestToTheWebApp() {
        RenderedChart rendered = render("chatapp-frontend", "production-frontend.yaml");
        Map<String, Object> ingress = rendered.one("Ingress");
        List<Map<String, Object>> paths = at(ingress, "spec", "rules", 0, "http", "paths");
        Map<String, String> routes = paths.stream().collect(Collectors.toMap(
                path -> (String) path.get("path"), path -> at(path, "backend", "service", "name")));
        assertEquals(Map.of("/api", "chat-backend-chatapp-backend", "/ws", "chat-backend-chatapp-backend",
                "/", "chat-chatapp-frontend"), routes);
        assertEquals("chat.example.com", at(ingress, "spec", "rules", 0, "host"));
        assertEquals("chat-example-com-tls", at(ingress, "spec", "tls", 0, "secretName"));
        assertEquals("nginx", at(ingress, "spec", "ingressClassName"));
        assertTrue(render("chatapp-frontend", null).all("Ingress").isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"chatapp-backend,oidc.issuer,not-a-url", "chatapp-backend,replicaCount,0",
            "chatapp-frontend,config.wsUrl,https://chat.example.com/ws", "chatapp-backend,image.pullPolicy,Sometimes",
            "chatapp-backend,logging.format,xml", "chatapp-backend,kafka.security.protocol,TLS", "chatapp-backend,tracing.protocol,udp", "chatapp-frontend,smokeCheck.apiUrl,backend:9080"})
    void theSchemaRefusesBadValues(String chart, String key, String value) {
        Object typed = value.matches("\\d+") ? Integer.valueOf(value) : value;
        assertThrows(IllegalStateException.class, () -> render(chart, null, Map.of(key, typed)));
    }
}
