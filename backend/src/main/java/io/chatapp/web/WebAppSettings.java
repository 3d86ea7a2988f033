package io.chatapp.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** The web app's run-time settings: what {@code config.js} hands it and its Content-Security-Policy allows. */
@ApplicationScoped
public class WebAppSettings {

    @Inject
    @ConfigProperty(name = "chat.web.oidc-issuer-url")
    String issuer;

    @Inject
    @ConfigProperty(name = "chat.web.oidc-client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "chat.web.oidc-scopes", defaultValue = "openid profile email offline_access")
    String scopes;

    @Inject
    @ConfigProperty(name = "chat.web.oidc-redirect-uri")
    Optional<String> redirectUri;

    @Inject
    @ConfigProperty(name = "chat.web.api-base-url", defaultValue = "/api")
    String apiBaseUrl;

    @Inject
    @ConfigProperty(name = "chat.web.ws-url")
    Optional<String> wsUrl;

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public String scopes() {
        return scopes;
    }

    /** Where the issuer sends the browser back; empty: the app's own address. */
    public Optional<String> redirectUri() {
        return redirectUri;
    }

    public String apiBaseUrl() {
        return apiBaseUrl;
    }

    /** The WebSocket URL; empty: the app's own address. */
    public Optional<String> wsUrl() {
        return wsUrl;
    }
}
