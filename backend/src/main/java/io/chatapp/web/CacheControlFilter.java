package io.chatapp.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * How long browsers keep the web app's files. Vite names each file under {@code /assets/} after
 * its content, so a build never changes a file under the same name: those are kept for a year
 * without asking again. The page that names them ({@code index.html}) and the icon keep their
 * names across builds, so they are revalidated on every use and a deploy reaches browsers at
 * once. {@code config.js} sets its own. The container answers the root by a forward to
 * {@code index.html}, hence FORWARD.
 */
@WebFilter(urlPatterns = {"/index.html", "/favicon.svg", "/assets/*"},
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class CacheControlFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String HASHED = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/assets/")) {
            response.setHeader("Cache-Control", REVALIDATE);
        } else if (getServletContext().getResource(path) != null) {
            // Only a file that exists: a 404 kept for a year would outlive the deploy that fixes it.
            response.setHeader("Cache-Control", HASHED);
        }
        chain.doFilter(request, response);
    }
}
