package io.retrobridge.gate;

/**
 * Asks the deployment gate from anywhere in the service, exactly as {@code POST /api/gates/{gate}/evaluate} does:
 * the answer is decided from the local store and the policy in force, kept under a new evaluation id, audited, and
 * every {@link GateAnswerListener} is told. The callers' native hooks (GitHub, GitLab, Azure DevOps) ask through this.
 */
public interface GateQuestions {

    /**
     * @param requestKey null, or what makes repeated asks one question, e.g. a caller's run and environment: while a
     *                   decided answer (ALLOW or DENY) is kept under it, that answer is returned again, marked
     *                   {@link GateReply#repeated()}, and nothing new is recorded; a PENDING answer is not kept under
     *                   it, so asking again decides again
     * @param remote     where the question came from, for the audit log (an address, or the caller's name)
     * @throws IllegalArgumentException when a name in the question is not one the gate accepts (the message says
     *                                  which and what to send); nothing is recorded then
     */
    GateReply ask(ReleaseQuestion question, String requestKey, String remote);
}
