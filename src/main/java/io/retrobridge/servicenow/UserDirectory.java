package io.retrobridge.servicenow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the sys_id of a sys_user by e-mail or user_name and remembers the answer, found or not, for a
 * while: a sync run asks about the same few people again and again. {@link #forget()} starts afresh,
 * and answers expire on their own so a long-lived connector sees new and renamed users.
 */
final class UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private record Answer(Optional<String> sysId, Instant expires) {
    }

    /** Runs an encoded query on sys_user and returns the sys_ids of (at most two) matching users. */
    private final Function<String, List<String>> sysIdsMatching;
    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    UserDirectory(Function<String, List<String>> sysIdsMatching, Clock clock, Duration lifetime) {
        this.sysIdsMatching = sysIdsMatching;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * The active user with this address. Two active users may share an address; assigning work to
     * the wrong one is worse than assigning it to nobody, so then there is no answer.
     */
    Optional<String> byEmail(String email) {
        String query = EncodedQuery.query().eqEmail("email", email).eq("active", "true").build();
        return lookUp("email " + email, query);
    }

    /** The user with this user_name (unique on an instance); user names may themselves be e-mail addresses. */
    Optional<String> byUserName(String userName) {
        EncodedQuery query = EncodedQuery.query();
        if (userName != null && userName.contains("@")) {
            query.eqEmail("user_name", userName);
        } else {
            query.eq("user_name", userName);
        }
        return lookUp("user_name " + userName, query.build());
    }

    void forget() {
        answers.clear();
    }

    private Optional<String> lookUp(String key, String query) {
        Instant now = clock.instant();
        Answer cached = answers.get(key);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.sysId();
        }
        List<String> found = sysIdsMatching.apply(query);
        Optional<String> sysId = found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        if (found.size() > 1) {
            log.warn("More than one ServiceNow user matches {}; none is used", key);
        }
        answers.put(key, new Answer(sysId, now.plus(lifetime)));
        return sysId;
    }
}
