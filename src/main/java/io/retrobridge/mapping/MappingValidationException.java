package io.retrobridge.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** The mapping files were refused; every problem found is listed, not just the first. */
public class MappingValidationException extends Exception {

    private final transient List<MappingProblem> problems;

    public MappingValidationException(List<MappingProblem> problems) {
        super(problems.size() + " problem(s) in the mapping files:\n"
                + problems.stream().map(MappingProblem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<MappingProblem> problems() {
        return problems;
    }
}
