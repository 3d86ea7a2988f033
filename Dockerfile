# The backend image: Open Liberty with only the features server.xml names, running as a
# non-root user. Build first (mvn package: the WAR and the token-redaction user feature), then:
# docker build -t chatapp-backend .
FROM icr.io/appcafe/open-liberty:kernel-slim-java17-openj9-ubi-minimal

ARG VERSION=1.0.0
LABEL org.opencontainers.image.title="chatapp-backend" \
      org.opencontainers.image.description="Chat backend: REST and WebSocket API, Kafka, MongoDB, on Open Liberty" \
      org.opencontainers.image.version="${VERSION}"

# Our user feature (usr:tokenRedaction-1.0) where Liberty looks for it, then the others:
# these layers change only when the extension or the server's configuration does.
COPY --chown=1001:0 extensions/token-redaction/target/extension/ /opt/ol/wlp/usr/extension/
COPY --chown=1001:0 backend/src/main/liberty/config/ /config/
RUN features.sh

COPY --chown=1001:0 backend/target/chatapp.war /config/apps/chatapp.war

# Settings come from the environment (MicroProfile Config); see README.adoc, "Configuration".
ENV HTTP_PORT=9080
EXPOSE 9080

# Warms the shared class cache and checks the configuration at build time.
RUN configure.sh
USER 1001
