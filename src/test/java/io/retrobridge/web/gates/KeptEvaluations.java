package io.retrobridge.web.gates;

import io.retrobridge.sync.GateEvaluations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The gate's answers kept in a list, for tests of the evaluator without a database. */
final class KeptEvaluations implements GateEvaluations {

    final List<Evaluation> kept = new ArrayList<>();

    @Override
    public void record(Evaluation evaluation) {
        if (evaluation.requestKey() != null && findByRequestKey(evaluation.requestKey()).isPresent()) {
            throw new IllegalStateException("an answer to request " + evaluation.requestKey() + " is kept already");
        }
        kept.add(evaluation);
    }

    @Override
    public Optional<Evaluation> find(UUID id) {
        return kept.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Evaluation> findByRequestKey(String requestKey) {
        return kept.stream().filter(e -> requestKey.equals(e.requestKey())).findFirst();
    }

    @Override
    public List<Evaluation> search(Search search, int offset, int limit) {
        throw new UnsupportedOperationException("listing is tested on the stores");
    }

    @Override
    public Map<String, Long> countByDecision(Search search) {
        throw new UnsupportedOperationException("listing is tested on the stores");
    }

    @Override
    public List<Evaluation> recentFor(String application, int limit) {
        return List.of();
    }
}
