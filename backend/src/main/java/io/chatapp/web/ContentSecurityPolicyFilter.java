package io.chatapp.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * The web app's Content-Security-Policy: its own scripts and styles only, no framing, no
 * plugins, and network access to this server and the OIDC issuer (sign-in, token refresh).
 * Together with rendering messages as text, it keeps a message from ever running as code.
 * Strict-Transport-Security is sent when the browser reached the server over HTTPS (directly
 * or through a TLS-terminating ingress).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ContentSecurityPolicyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    WebAppSettings settings;

    private String policy;

    @Override
    public void init() {
        String issuer = origin(settings.issuer());
        StringBuilder connect = new StringBuilder("'self' ").append(issuer);
        originOf(settings.apiBaseUrl()).ifPresent(origin -> connect.append(' ').append(origin));
        settings.wsUrl().flatMap(ContentSecurityPolicyFilter::originOf).ifPresent(origin -> connect.append(' ').append(origin));
        policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src " + connect + "; frame-src " + issuer + "; form-action 'self' " + issuer
                + "; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }

    private static String origin(String url) {
        return originOf(url).orElseThrow(() -> new IllegalArgumentException("not an absolute URL: " + url));
    }

    /** The scheme, host and port of an absolute URL; empty for a relative one. */
    static Optional<String> originOf(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }
}
