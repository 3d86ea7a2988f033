package io.chatapp.socket;

import io.chatapp.model.Sender;

/** Answers one type of inbound frame; {@link FrameDispatcher} finds it by the frame's class. */
interface FrameHandler<F extends Frames.Inbound> {

    Class<F> frameType();

    /** Handles a frame the sender sent on the session; answers go to the session, in order. */
    void handle(F frame, Sender sender, ChatSession session);
}
