package io.retrobridge.gate;

/**
 * Told of every new answer the gate gives, over HTTP or a hook, after it is kept (not of a repeated one). A listener
 * only queues work (e.g. writing the decision to the change request); it must not call a remote system here, since
 * the caller waits for the answer. What it throws is logged and does not change the answer.
 */
public interface GateAnswerListener {

    void answered(ReleaseQuestion question, GateReply reply);
}
