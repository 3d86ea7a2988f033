package io.chatapp.socket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/** Puts whom {@link HandshakeGuard} admitted (sender, and until when signed in) into the new session's properties. */
public class ChatSocketConfigurator extends ServerEndpointConfig.Configurator {

    static final String SIGNED_IN = "chat.signed-in";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        List<String> tickets = request.getParameterMap().get("ticket");
        String ticket = tickets == null || tickets.isEmpty() ? null : tickets.get(0);
        CDI.current().select(HandshakeAdmissions.class).get().claim(ticket)
                .ifPresent(holder -> config.getUserProperties().put(SIGNED_IN, holder));
    }
}
