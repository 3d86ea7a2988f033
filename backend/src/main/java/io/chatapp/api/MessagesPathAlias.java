package io.chatapp.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Serves {@code /messages} as {@code /api/messages}, as the contract promises. */
@WebFilter(urlPatterns = "/messages", asyncSupported = true)
public class MessagesPathAlias extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        request.getRequestDispatcher(query == null ? "/api/messages" : "/api/messages?" + query).forward(request, response);
    }
}
