package io.retrobridge.sandbox.jira;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns a parsed query into a filter and an order over the store's issues, checking each value as Jira
 * does: a project, issue type, status, key or user that does not exist is an error, not an empty result.
 * Dates are read in UTC, the sandbox users' time zone.
 */
final class JqlMatcher {

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy/MM/dd"), DateTimeFormatter.ofPattern("yyyy-MM-dd"));

    private final IssueStore store;
    private final JiraAccounts accounts;

    JqlMatcher(IssueStore store, JiraAccounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    Predicate<Issue> filter(JqlQuery query) {
        return query.where() == null ? issue -> true : compile(query.where());
    }

    /** The query's order, then newest first when it names none; issue id breaks ties so pages never overlap. */
    static Comparator<Issue> order(JqlQuery query) {
        if (query.orderBy().isEmpty()) {
            return Comparator.comparing((Issue i) -> i.created).thenComparing(i -> Long.parseLong(i.id)).reversed();
        }
        Comparator<Issue> order = null;
        for (JqlQuery.Sort sort : query.orderBy()) {
            Comparator<Issue> one = switch (sort.field()) {
                case "created" -> Comparator.comparing((Issue i) -> i.created);
                case "updated" -> Comparator.comparing((Issue i) -> i.updated);
                case "key" -> Comparator.comparing((Issue i) -> i.project.key()).thenComparingLong(Issue::number);
                case "duedate" -> Comparator.comparing((Issue i) -> i.duedate, Comparator.nullsLast(Comparator.naturalOrder()));
                case "priority" -> Comparator.comparing((Issue i) -> i.priority.id());
                default -> throw new IllegalStateException("unsortable " + sort.field());
            };
            one = sort.ascending() ? one : one.reversed();
            order = order == null ? one : order.thenComparing(one);
        }
        return order.thenComparing(i -> Long.parseLong(i.id));
    }

    private Predicate<Issue> compile(JqlQuery.Condition condition) {
        if (condition instanceof JqlQuery.And and) {
            return and.parts().stream().map(this::compile).reduce(Predicate::and).orElse(i -> true);
        }
        if (condition instanceof JqlQuery.Or or) {
            return or.parts().stream().map(this::compile).reduce(Predicate::or).orElse(i -> false);
        }
        JqlQuery.Clause clause = (JqlQuery.Clause) condition;
        if (JqlParser.DATE_FIELDS.contains(clause.field())) {
            return dateClause(clause);
        }
        List<String> wanted = clause.values().stream().map(v -> canonical(clause.field(), v)).toList();
        Predicate<Issue> any = switch (clause.field()) {
            case "labels" -> issue -> issue.labels.stream().anyMatch(wanted::contains);
            default -> issue -> wanted.contains(valueOf(clause.field(), issue));
        };
        boolean negated = clause.operator().equals("!=") || clause.operator().equals("not in");
        if (!negated) {
            return any;
        }
        // Jira leaves out issues with no value at all from a negated clause.
        Function<Issue, Boolean> hasValue = clause.field().equals("labels") ? i -> !i.labels.isEmpty()
                : i -> valueOf(clause.field(), i) != null;
        return issue -> hasValue.apply(issue) && !any.test(issue);
    }

    private static String valueOf(String field, Issue issue) {
        return switch (field) {
            case "project" -> issue.project.id();
            case "issuetype" -> issue.issueType.id();
            case "status" -> issue.status.id();
            case "key" -> issue.id;
            case "assignee" -> issue.assigneeId;
            default -> throw new IllegalStateException("no value for " + field);
        };
    }

    /** The id a value names, or the Jira error for a value that names nothing. */
    private String canonical(String field, String value) {
        Optional<String> id = switch (field) {
            case "project" -> store.projects().stream()
                    .filter(p -> p.key().equalsIgnoreCase(value) || p.id().equals(value) || p.name().equalsIgnoreCase(value))
                    .map(JiraProject::id).findFirst();
            case "issuetype" -> JiraCatalog.issueType(value).map(JiraCatalog.IssueType::id);
            case "status" -> JiraCatalog.status(value).map(JiraCatalog.Status::id);
            case "assignee" -> accounts.byId(value).or(() -> accounts.byEmailOrName(value)).map(JiraUser::accountId);
            case "labels" -> Optional.of(value);
            case "key" -> {
                if (!value.matches("[A-Za-z][A-Za-z0-9_]*-\\d+|\\d+")) {
                    throw new JqlException("The issue key '" + value + "' for field 'key' is invalid.");
                }
                yield store.find(value).map(i -> i.id);
            }
            default -> throw new IllegalStateException("no values for " + field);
        };
        return id.orElseThrow(() -> new JqlException(field.equals("key")
                ? "An issue with key '" + value + "' does not exist for field 'key'."
                : "The value '" + value + "' does not exist for the field '" + field + "'."));
    }

    private static Predicate<Issue> dateClause(JqlQuery.Clause clause) {
        Instant at = instant(clause.field(), clause.values().get(0));
        Function<Issue, Instant> read = clause.field().equals("created") ? i -> i.created : i -> i.updated;
        return switch (clause.operator()) {
            case ">" -> i -> read.apply(i).isAfter(at);
            case ">=" -> i -> !read.apply(i).isBefore(at);
            case "<" -> i -> read.apply(i).isBefore(at);
            case "<=" -> i -> !read.apply(i).isAfter(at);
            case "=" -> i -> read.apply(i).equals(at);
            case "!=" -> i -> !read.apply(i).equals(at);
            default -> throw new JqlException("The operator '" + clause.operator() + "' is not supported by the '"
                    + clause.field() + "' field.");
        };
    }

    static Instant instant(String field, String value) {
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new JqlException(String.format(Locale.ROOT, "Date value '%s' for field '%s' is invalid. Valid formats "
                + "include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd'.", value, field));
    }
}
