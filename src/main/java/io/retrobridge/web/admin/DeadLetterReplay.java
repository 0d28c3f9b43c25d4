package io.retrobridge.web.admin;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.DeadLetterFilter;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.EventInbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a dead letter's event back into the inbox, once. The event gets a new dedup key
 * ({@code <old>#replay-<n>}) so the inbox takes it although the original delivery is stored already.
 */
@Component
class DeadLetterReplay {

    /** What a replay did: the new event, or the one an earlier interrupted replay had queued already. */
    record Requeued(UUID deadLetterId, UUID eventId, String dedupKey, boolean queuedBefore) {
    }

    /** How many dead letters a bulk replay looks at per query. */
    private static final int PAGE = 100;

    private static final Pattern REPLAYED_KEY = Pattern.compile("(.*)#replay-([0-9]{1,9})");

    private final DeadLetterStore deadLetters;
    private final EventInbox inbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DeadLetterReplay(DeadLetterStore deadLetters, EventInbox inbox, PlatformTransactionManager transactions,
                     ObjectProvider<Clock> clock) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Requeued replay(UUID id) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> notFound(id));
        if (letter.isReplayed()) {
            throw alreadyReplayed(letter);
        }
        Instant now = clock.instant();
        InboundEvent original = letter.event();
        InboundEvent again = new InboundEvent(UUID.randomUUID(), original.source(), original.kind(),
                original.entityId(), replayKey(original.dedupKey()), now, original.payload());
        try {
            // The mark and the requeue stand or fall together: the inbox commits on its own, so it goes last and
            // a failed requeue rolls the mark back. A second caller waits on the marked row and is refused.
            return transaction.execute(status -> {
                deadLetters.markReplayed(id, now);
                boolean stored = inbox.accept(again);
                return new Requeued(id, stored ? again.id() : null, again.dedupKey(), !stored);
            });
        } catch (NoSuchElementException e) {
            throw notFound(id);
        } catch (IllegalStateException e) {
            throw BadAdminRequestException.conflict(e.getMessage());
        }
    }

    /**
     * Replays every dead letter not replayed yet that matches {@code filter}, each once and each on its own (a
     * failure of one leaves those before it replayed). A letter another admin replays at the same moment is left
     * to them and not counted.
     */
    List<Requeued> replayMatching(DeadLetterFilter filter) {
        List<Requeued> requeued = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        while (true) {
            List<DeadLetter> page = deadLetters.notReplayed(filter, PAGE);
            List<DeadLetter> fresh = page.stream().filter(letter -> seen.add(letter.id())).toList();
            if (fresh.isEmpty()) {
                return requeued;
            }
            for (DeadLetter letter : fresh) {
                try {
                    requeued.add(replay(letter.id()));
                } catch (BadAdminRequestException replayedMeanwhile) {
                    // Someone else was first; theirs counts, not ours.
                }
            }
        }
    }

    static String replayKey(String dedupKey) {
        Matcher replayed = REPLAYED_KEY.matcher(dedupKey);
        String key = replayed.matches()
                ? replayed.group(1) + "#replay-" + (Integer.parseInt(replayed.group(2)) + 1)
                : dedupKey + "#replay-1";
        if (key.length() <= InboundEvent.MAX_DEDUP_KEY_LENGTH) {
            return key;
        }
        return "sha256:" + sha256(dedupKey) + "#replay-1";
    }

    private static BadAdminRequestException notFound(UUID id) {
        return BadAdminRequestException.notFound("There is no dead letter " + id
                + "; GET /api/admin/dead-letters lists those that exist.");
    }

    private static BadAdminRequestException alreadyReplayed(DeadLetter letter) {
        return BadAdminRequestException.conflict("Dead letter " + letter.id() + " was already replayed at "
                + letter.replayedAt() + "; if that attempt failed as well, it was parked again as a new dead letter.");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
