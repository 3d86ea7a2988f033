package io.chatapp.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code /config.js}: sets {@code window.__CHATAPP_CONFIG__} for the web app, so that the built
 * bundle carries no issuer, client id or URL. The redirect and WebSocket URLs default to the
 * address the browser used to reach this server.
 */
@WebServlet("/config.js")
public class ConfigScriptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

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

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String origin = request.getScheme() + "://" + request.getHeader("Host");
        JsonObjectBuilder config = Json.createObjectBuilder()
                .add("VUE_APP_DEX_ISSUER_URL", issuer)
                .add("VUE_APP_DEX_CLIENT_ID", clientId)
                .add("VUE_APP_DEX_REDIRECT_URI", redirectUri.orElse(origin + "/"))
                .add("VUE_APP_DEX_SCOPES", scopes)
                .add("VUE_APP_API_BASE_URL", apiBaseUrl)
                .add("VUE_APP_WS_URL", wsUrl.orElse(origin.replaceFirst("^http", "ws") + "/ws/chat"));
        response.setContentType("application/javascript;charset=UTF-8");
        // Settings change with the deployment, never with the bundle: always fetch afresh.
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("window.__CHATAPP_CONFIG__ = " + config.build() + ";\n");
    }
}
