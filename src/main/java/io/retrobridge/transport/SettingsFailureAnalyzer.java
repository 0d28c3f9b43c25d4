package io.retrobridge.transport;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Turns a refused {@code retrobridge.*} setting into one line per bad property: its name, the
 * environment variable that sets it, what is expected, and the way out for a first look (the demo
 * profile). It runs before Boot's own binding analyzers, which print the offending value, and a value
 * here may be a token or password.
 */
public class SettingsFailureAnalyzer implements FailureAnalyzer, Ordered {

    static final String PREFIX = "retrobridge.";
    static final String DEMO_HINT = "or run the demo: --spring.profiles.active=demo";

    /** What a person should put in, for the settings whose meaning is not obvious from their type. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("retrobridge.jira.base-url", "your Jira site as an absolute http(s) URL, e.g. https://acme.atlassian.net"),
            Map.entry("retrobridge.jira.email", "the e-mail of the Jira Cloud account RetroBridge acts as, together with "
                    + "retrobridge.jira.api-token (for Server/Data Center set retrobridge.jira.personal-access-token instead)"),
            Map.entry("retrobridge.jira.api-token", "an API token of the Jira Cloud account in retrobridge.jira.email (for Server/Data Center set "
                    + "retrobridge.jira.personal-access-token instead)"),
            Map.entry("retrobridge.servicenow.base-url",
                    "your instance as an absolute http(s) URL, e.g. https://acme.service-now.com"),
            Map.entry("retrobridge.servicenow.username", "the integration user's user_name, together with "
                    + "retrobridge.servicenow.password (or set client-id and client-secret for OAuth)"),
            Map.entry("retrobridge.servicenow.password", "that user's password (or set client-id and client-secret for OAuth)"),
            Map.entry("retrobridge.jira.webhook-secret", "a random secret of at least 16 characters, the same as in the "
                    + "Jira webhook (e.g. from openssl rand -hex 32), or empty to switch /webhooks/jira off"),
            Map.entry("retrobridge.servicenow.webhook-secret", "a random secret of at least 16 characters, the same as in "
                    + "the ServiceNow business rule (e.g. from openssl rand -hex 32), or empty to switch "
                    + "/webhooks/servicenow off"),
            Map.entry("retrobridge.prometheus.base-url",
                    "the Prometheus server root as an absolute http(s) URL, e.g. https://prometheus.example.com"),
            Map.entry("retrobridge.prometheus.bearer-token", "either a bearer token or username and password "
                    + "(basic auth), not both; unset the one you do not use"));

    /** The problem of a setting that is set but refused by a group check, by the check's name ending. */
    private static final Map<String, String> GIVEN_BUT_REFUSED = Map.of(
            "-http", "is not an absolute http or https URL",
            "-long-enough", "is shorter than 16 characters",
            ".one-auth-kind", "is set together with a username or password");

    /** Record components checked together, and the settings a person must fill in to satisfy them. */
    private static final Map<String, List<String>> GROUP_CHECKS = Map.ofEntries(
            Map.entry("retrobridge.jira.credentials-given",
                    List.of("retrobridge.jira.email", "retrobridge.jira.api-token")),
            Map.entry("retrobridge.jira.base-url-http", List.of("retrobridge.jira.base-url")),
            Map.entry("retrobridge.servicenow.credentials-given",
                    List.of("retrobridge.servicenow.username", "retrobridge.servicenow.password")),
            Map.entry("retrobridge.servicenow.base-url-http", List.of("retrobridge.servicenow.base-url")),
            Map.entry("retrobridge.jira.webhook-secret-long-enough", List.of("retrobridge.jira.webhook-secret")),
            Map.entry("retrobridge.servicenow.webhook-secret-long-enough",
                    List.of("retrobridge.servicenow.webhook-secret")),
            pipelineSecret("github"), pipelineSecret("gitlab"), pipelineSecret("jenkins"),
            pipelineSecret("azure-devops"),
            Map.entry("retrobridge.prometheus.base-url-http", List.of("retrobridge.prometheus.base-url")),
            Map.entry("retrobridge.prometheus.graph-url-http", List.of("retrobridge.prometheus.graph-url")),
            Map.entry("retrobridge.prometheus.username-with-password",
                    List.of("retrobridge.prometheus.username", "retrobridge.prometheus.password")),
            Map.entry("retrobridge.prometheus.one-auth-kind", List.of("retrobridge.prometheus.bearer-token")));

    private static Map.Entry<String, List<String>> pipelineSecret(String system) {
        return Map.entry("retrobridge.pipeline." + system + "-webhook-secret-long-enough",
                List.of("retrobridge.pipeline." + system + ".webhook-secret"));
    }

    private final ListableBeanFactory beans;
    private final Environment environment;

    /** Boot passes the failed context's bean factory and environment (null when there was no context yet). */
    public SettingsFailureAnalyzer(BeanFactory beans, Environment environment) {
        this.beans = beans instanceof ListableBeanFactory listable ? listable : null;
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        InsecureBaseUrlException insecure = Causes.find(failure, InsecureBaseUrlException.class);
        if (insecure != null) {
            return insecure(insecure);
        }
        BindException bind = Causes.find(failure, BindException.class);
        if (bind == null || !bind.getName().toString().startsWith(PREFIX)) {
            return null;
        }
        Set<String> lines = new TreeSet<>(linesFor(bind));
        // Start-up stops at the first bad group; check the others too, so one start shows every fix.
        lines.addAll(otherGroupsProblems(bind.getName().toString()));
        String description = "RetroBridge cannot start: " + (lines.size() == 1 ? "a setting is" : "settings are")
                + " missing or wrong (values are not shown; they may be secrets):\n" + String.join("\n", lines);
        String action = "Set each one in application.yaml, as the environment variable named, or as --name=value on "
                + "the command line, and start again; " + DEMO_HINT + " (built-in Jira and ServiceNow simulators).";
        return new FailureAnalysis(description, action, bind);
    }

    private static FailureAnalysis insecure(InsecureBaseUrlException insecure) {
        String description = "RetroBridge cannot start: a setting is refused (values are not shown; they may be "
                + "secrets):\n" + line(insecure.setting(), "uses http:// to a host other than this machine",
                "an https:// URL, because plain http sends the credentials and every record in clear text");
        String action = "Use the https:// address of the system; if the plain connection is intended (a test "
                + "instance behind a trusted network), set retrobridge.connections.allow-insecure-http=true (env "
                + envVar("retrobridge.connections.allow-insecure-http") + "). Loopback addresses (localhost, "
                + "127.0.0.1) are always allowed.";
        return new FailureAnalysis(description, action, insecure);
    }

    private static List<String> linesFor(BindException bind) {
        List<String> lines = new ArrayList<>();
        BindValidationException validation = Causes.find(bind, BindValidationException.class);
        if (validation != null) {
            Set<String> given = new LinkedHashSet<>();
            validation.getValidationErrors().getBoundProperties().forEach(p -> given.add(p.getName().toString()));
            for (ObjectError error : validation.getValidationErrors()) {
                lines.addAll(describe(bind.getName().toString(), error, given));
            }
        } else {
            lines.add(describeUnreadable(bind));
        }
        return lines;
    }

    /** Binds and validates every other retrobridge.* settings group the way start-up would have. */
    private List<String> otherGroupsProblems(String failedPrefix) {
        if (beans == null || environment == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            ValidationBindHandler validate = new ValidationBindHandler(new SpringValidatorAdapter(validation.getValidator()));
            for (String name : beans.getBeanNamesForAnnotation(ConfigurationProperties.class)) {
                Class<?> type = beans.getType(name, false);
                ConfigurationProperties settings = type == null ? null
                        : AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
                String prefix = settings == null ? "" : settings.prefix().isEmpty() ? settings.value() : settings.prefix();
                if (!prefix.startsWith(PREFIX) || prefix.equals(failedPrefix)) {
                    continue;
                }
                try {
                    // Only groups marked @Validated are validated at start-up; check no more than that.
                    boolean validated = AnnotationUtils.findAnnotation(type, Validated.class) != null;
                    Binder.get(environment).bindOrCreate(prefix, Bindable.of(type), validated ? validate : BindHandler.DEFAULT);
                } catch (BindException more) {
                    lines.addAll(linesFor(more));
                } catch (RuntimeException unrelated) {
                    // A group that cannot even be checked here is reported on the next start.
                }
            }
        } catch (RuntimeException noValidator) {
            return lines;
        }
        return lines;
    }

    private static List<String> describe(String prefix, ObjectError error, Set<String> given) {
        String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
        String property = prefix + "." + kebab(field.substring(field.lastIndexOf('.') + 1));
        List<String> properties = GROUP_CHECKS.get(property);
        if (properties == null) {
            return List.of(line(property, problem(property, given, error), expected(property, error)));
        }
        List<String> lines = new ArrayList<>();
        for (String member : properties) {
            String refused = refusedProblem(property);
            if (!given.contains(member) || refused != null) {
                lines.add(line(member, given.contains(member) && refused != null ? refused
                        : problem(member, given, error), expected(member, error)));
            }
        }
        return lines.isEmpty() ? List.of(line(properties.get(0), error.getDefaultMessage(), expected(properties.get(0), error)))
                : lines;
    }

    private static String refusedProblem(String groupCheck) {
        return GIVEN_BUT_REFUSED.entrySet().stream().filter(ending -> groupCheck.endsWith(ending.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String problem(String property, Set<String> given, ObjectError error) {
        if (!given.contains(property)) {
            return "is not set";
        }
        return property.endsWith("base-url") ? "is not an absolute http or https URL" : "is not valid";
    }

    private static String expected(String property, ObjectError error) {
        String known = EXPECTED.get(property);
        return known != null ? known : error.getDefaultMessage();
    }

    private static String describeUnreadable(BindException bind) {
        ConfigurationProperty property = bind.getProperty();
        String name = property != null ? property.getName().toString() : bind.getName().toString();
        ConversionFailedException conversion = Causes.find(bind, ConversionFailedException.class);
        Class<?> type = conversion == null ? null : conversion.getTargetType().getType();
        String expected = EXPECTED.getOrDefault(name, expectedFor(type));
        String what = type == URI.class ? "is not a valid URL" : "could not be read";
        return line(name, what, expected);
    }

    private static String expectedFor(Class<?> type) {
        if (type == null) {
            return "a value of the documented form (see application.yaml)";
        }
        if (type == URI.class) {
            return "an absolute http(s) URL";
        }
        if (type == Duration.class) {
            return "a duration such as 10s, 500ms or PT1M";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a " + type.getSimpleName();
    }

    private static String line(String property, String problem, String expected) {
        return "- " + property + " (env " + envVar(property) + ") " + problem + ": expected " + expected + "; "
                + DEMO_HINT;
    }

    /** Spring Boot's relaxed binding: retrobridge.jira.base-url is RETROBRIDGE_JIRA_BASE_URL. */
    static String envVar(String property) {
        return property.replace("[", "_").replace("]", "").replace('.', '_').replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** After the API key analyzer, before Boot's binding analyzers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
