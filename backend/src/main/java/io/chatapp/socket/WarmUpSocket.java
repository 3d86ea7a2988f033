package io.chatapp.socket;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.List;

/** {@code /warm-up/socket}: the instance's own clients of {@link SendPathWarmUp}; anyone else is turned away. */
@ServerEndpoint("/warm-up/socket")
@Dependent
public class WarmUpSocket {

    private static final CloseReason REFUSED = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not for clients");

    @Inject
    SendPathWarmUp warmUp;

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> keys = session.getRequestParameterMap().get("key");
        if (!warmUp.join(session, keys == null || keys.isEmpty() ? null : keys.get(0))) {
            session.close(REFUSED);
        }
    }
}
