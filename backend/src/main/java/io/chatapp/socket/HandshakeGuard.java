package io.chatapp.socket;

import io.chatapp.identity.TicketService;
import io.chatapp.model.SignedIn;
import io.chatapp.store.StoreUnavailableException;
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
 * Refuses a WebSocket handshake before it is upgraded: 403 for an Origin that is not allowed,
 * 401 without a valid, unused ticket. An admitted handshake's ticket is spent.
 */
@WebFilter("/ws/*")
public class HandshakeGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    TicketService tickets;

    @Inject
    HandshakeAdmissions admissions;

    @Inject
    @ConfigProperty(name = "chat.websocket.allowed-origins")
    List<String> allowedOrigins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null || !allowedOrigins.contains(origin)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Origin not allowed");
            return;
        }
        String ticket = request.getParameter("ticket");
        Optional<SignedIn> holder;
        try {
            holder = tickets.redeem(ticket);
        } catch (StoreUnavailableException e) {
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Tickets cannot be checked right now");
            return;
        }
        if (holder.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Ticket");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "A valid, unused ticket is required");
            return;
        }
        admissions.admit(ticket, holder.get());
        chain.doFilter(request, response);
    }
}
