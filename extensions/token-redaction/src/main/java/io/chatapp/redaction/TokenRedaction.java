package io.chatapp.redaction;

import com.ibm.websphere.ras.TrConfigurator;
import com.ibm.ws.ffdc.FFDC;

/**
 * The component (OSGI-INF/tokenRedaction.xml) of the Liberty user feature tokenRedaction-1.0:
 * installs the token-redacting message router and the FFDC scrubber when the server starts, and
 * removes them when it stops.
 */
public final class TokenRedaction {

    private final TokenRedactingRouter router = new TokenRedactingRouter();
    private final FfdcTokenScrubber scrubber = new FfdcTokenScrubber();

    public void activate() {
        // Liberty has one slot for an external router; its own router keeps the internal one.
        TrConfigurator.setMessageRouter(router);
        FFDC.registerIncidentForwarder(scrubber);
    }

    public void deactivate() {
        FFDC.deregisterIncidentForwarder(scrubber);
        TrConfigurator.unsetMessageRouter(router);
    }
}
