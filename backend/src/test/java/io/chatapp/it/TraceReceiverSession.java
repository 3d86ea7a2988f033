package io.chatapp.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs the {@link OtlpReceiver} from the first test of a run to the last, where the run names its
 * port ({@code it.otlp.port}, the port the server under test exports its traces to).
 */
public class TraceReceiverSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("it.otlp.port", "");
        if (!port.isBlank()) {
            OtlpReceiver.start(Integer.parseInt(port));
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        OtlpReceiver.stop();
    }
}
