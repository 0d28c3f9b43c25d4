package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.Retrospective;
import io.retrobridge.sync.RetrospectiveFollowUps;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the follow-up refresh, the deployment gate and readiness rely on from any {@link RetrospectiveFollowUps}. */
abstract class RetrospectiveFollowUpsContract extends StoreContractSupport {

    private static final String TASK_A = "a0000000000000000000000000000001";
    private static final String TASK_B = "b0000000000000000000000000000002";
    private static final String TASK_C = "c0000000000000000000000000000003";

    private RetrospectiveFollowUps followUps() {
        return port(RetrospectiveFollowUps.class);
    }

    @BeforeEach
    void noRetrospectives() {
        // The follow-ups go with their retrospective (ON DELETE CASCADE).
        port(JdbcClient.class).sql("DELETE FROM retrospectives").update();
    }

    private Retrospective retrospective(String key) {
        return openRetrospective(key);
    }

    @Test
    void aRetrospectiveNeverRefreshedHasNoFollowUpsAndNoRefreshTime() {
        Retrospective retrospective = retrospective("change:CHG0030001");

        assertThat(followUps().of(retrospective.id())).isEmpty();
        assertThat(followUps().refreshedAt(retrospective.id())).isEmpty();
        assertThat(followUps().ofRetrospectives(List.of(retrospective.id()))).isEmpty();
    }

    @Test
    void theStoredTasksAreReadBackSortedWithTheRefreshTime() {
        Retrospective retrospective = retrospective("change:CHG0030001");

        boolean changed = followUps().replace(retrospective.id(), Set.of(TASK_C, TASK_A), START);

        assertThat(changed).as("a first refresh with tasks").isTrue();
        assertThat(followUps().of(retrospective.id())).containsExactly(TASK_A, TASK_C);
        assertThat(followUps().refreshedAt(retrospective.id())).contains(START.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aReplaceDropsTasksNoLongerUnderItAndAddsNewOnes() {
        Retrospective retrospective = retrospective("change:CHG0030001");
        followUps().replace(retrospective.id(), Set.of(TASK_A, TASK_B), START);

        boolean changed = followUps().replace(retrospective.id(), Set.of(TASK_B, TASK_C), START.plusSeconds(300));

        assertThat(changed).isTrue();
        assertThat(followUps().of(retrospective.id())).containsExactly(TASK_B, TASK_C);
        assertThat(followUps().refreshedAt(retrospective.id()))
                .contains(START.plusSeconds(300).truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void theSameTasksAgainChangeNothingButTheRefreshTime() {
        Retrospective retrospective = retrospective("change:CHG0030001");
        followUps().replace(retrospective.id(), Set.of(TASK_A, TASK_B), START);

        boolean changed = followUps().replace(retrospective.id(), Set.of(TASK_B, TASK_A), START.plusSeconds(300));

        assertThat(changed).isFalse();
        assertThat(followUps().of(retrospective.id())).containsExactly(TASK_A, TASK_B);
        assertThat(followUps().refreshedAt(retrospective.id()))
                .contains(START.plusSeconds(300).truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aRetrospectiveReadWithNoTasksIsToldFromOneNeverRead() {
        Retrospective read = retrospective("change:CHG0030001");
        Retrospective neverRead = retrospective("change:CHG0030002");

        boolean changed = followUps().replace(read.id(), Set.of(), START);

        assertThat(changed).as("nothing before, nothing now").isFalse();
        assertThat(followUps().refreshedAt(read.id())).isPresent();
        assertThat(followUps().ofRetrospectives(List.of(read.id(), neverRead.id())))
                .containsOnlyKeys(read.id()).containsEntry(read.id(), List.of());
    }

    @Test
    void theFollowUpsOfSeveralRetrospectivesAreReadInOneCallEachWithItsOwn() {
        Retrospective first = retrospective("change:CHG0030001");
        Retrospective second = retrospective("change:CHG0030002");
        Retrospective third = retrospective("change:CHG0030003");
        followUps().replace(first.id(), Set.of(TASK_B, TASK_A), START);
        followUps().replace(second.id(), Set.of(TASK_C), START);
        followUps().replace(third.id(), Set.of(TASK_A), START);

        Map<UUID, List<String>> read = followUps().ofRetrospectives(List.of(first.id(), second.id()));

        assertThat(read).containsOnlyKeys(first.id(), second.id())
                .containsEntry(first.id(), List.of(TASK_A, TASK_B))
                .containsEntry(second.id(), List.of(TASK_C));
        assertThat(followUps().ofRetrospectives(List.of())).isEmpty();
    }

    @Test
    void moreRetrospectivesThanOneQueryTakesAreAllAnswered() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            Retrospective retrospective = retrospective("change:CHG1" + String.format("%06d", i));
            followUps().replace(retrospective.id(), Set.of(String.format("%032d", i)), START);
            ids.add(retrospective.id());
        }

        Map<UUID, List<String>> read = followUps().ofRetrospectives(ids);

        assertThat(read).hasSize(520);
        assertThat(read.get(ids.get(519))).containsExactly(String.format("%032d", 519));
    }

    @Test
    void anUnknownRetrospectiveOrABlankSysIdIsRefusedAndNothingChanges() {
        Retrospective retrospective = retrospective("change:CHG0030001");
        followUps().replace(retrospective.id(), Set.of(TASK_A), START);
        Set<String> withBlank = new HashSet<>(Set.of(TASK_B, " "));

        assertThatThrownBy(() -> followUps().replace(UUID.randomUUID(), Set.of(TASK_A), START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no retrospective has id");
        assertThatThrownBy(() -> followUps().replace(retrospective.id(), withBlank, START.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sys_id");

        assertThat(followUps().of(retrospective.id())).containsExactly(TASK_A);
        assertThat(followUps().refreshedAt(retrospective.id())).contains(START.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void concurrentRefreshesOfOneRetrospectiveLeaveOneWholeSet() throws InterruptedException {
        Retrospective retrospective = retrospective("change:CHG0030001");
        Set<String> tasks = IntStream.range(0, 20).mapToObj(i -> String.format("%032d", i)).collect(Collectors.toSet());

        var outcomes = raceOn(8, () -> followUps().replace(retrospective.id(), tasks, START));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes.stream().filter(Outcome::value)).as("only the first one changed the set").hasSize(1);
        assertThat(followUps().of(retrospective.id())).hasSize(20).containsAll(tasks);
    }
}
