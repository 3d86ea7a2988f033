package io.chatapp.api;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Cross-origin calls to the API, for a web app served from another origin: allowed only for
 * the origins in {@code chat.cors.allowed-origins} (none by default: the web app is served by
 * this server, same-origin). A preflight from any other origin is refused with 403, and no
 * response ever names an origin that is not allowed. Bearer tokens, never cookies, carry the
 * identity, so credentials are not allowed cross-origin.
 */
@WebFilter(urlPatterns = {"/api/*", "/messages", "/messages/*"}, asyncSupported = true)
public class CorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "chat.cors.allowed-origins")
    Optional<List<String>> allowedOrigins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean allowed = origin != null && allowedOrigins.orElse(List.of()).contains(origin);
        response.addHeader("Vary", "Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            if (!allowed) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Origin not allowed");
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Methods", "GET, POST");
            response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", "Location, Retry-After");
        }
        chain.doFilter(request, response);
    }
}
