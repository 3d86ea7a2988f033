package io.chatapp.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code /config.js}: sets {@code window.__CHATAPP_CONFIG__} for the web app, so that the built
 * bundle carries no issuer, client id or URL. The redirect and WebSocket URLs default to the
 * address the browser used to reach this server.
 */
@WebServlet("/config.js")
public class ConfigScriptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    WebAppSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String origin = request.getScheme() + "://" + request.getHeader("Host");
        JsonObjectBuilder config = Json.createObjectBuilder()
                .add("VUE_APP_DEX_ISSUER_URL", settings.issuer())
                .add("VUE_APP_DEX_CLIENT_ID", settings.clientId())
                .add("VUE_APP_DEX_REDIRECT_URI", settings.redirectUri().orElse(origin + "/"))
                .add("VUE_APP_DEX_SCOPES", settings.scopes())
                .add("VUE_APP_API_BASE_URL", settings.apiBaseUrl())
                .add("VUE_APP_WS_URL", settings.wsUrl().orElse(origin.replaceFirst("^http", "ws") + "/ws/chat"));
        response.setContentType("application/javascript;charset=UTF-8");
        // Settings change with the deployment, never with the bundle: revalidated on every use.
        response.setHeader("Cache-Control", CacheControlFilter.REVALIDATE);
        response.getWriter().write("window.__CHATAPP_CONFIG__ = " + config.build() + ";\n");
    }
}
