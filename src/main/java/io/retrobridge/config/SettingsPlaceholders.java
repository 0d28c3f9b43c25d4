package io.retrobridge.config;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.camel.spi.PropertiesSource;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Answers the {@code {{retrobridge.*}}} placeholders of the route files from the bound
 * {@code @ConfigurationProperties} beans, so a route names a setting without repeating its default: the default
 * lives in the properties class, and a value from {@code application.yaml}, the environment or {@code -D} is
 * already in the bound bean. Spring's Environment, which Camel also asks, knows only the values somebody set.
 *
 * <p>A key goes to the bean whose prefix is its longest match ({@code retrobridge.sync.unreadable.recheck-interval}
 * to the {@code retrobridge.sync.unreadable} bean, not the {@code retrobridge.sync} one), then along its relaxed
 * names ({@code recheck-interval} finds {@code recheckInterval}; {@code jira.breaker-window} goes through the
 * nested {@code jira} settings). Durations are given as a number of milliseconds, which every Camel time option
 * (a timer's delay and period) takes, whatever unit the setting was written in. A key no bean declares gets no
 * answer here; unless somebody set it, the route using it fails to start with a message naming the key and the file.
 *
 * <p>In a package of its own because it serves the settings of every package and belongs to none of them.
 */
@Component
public class SettingsPlaceholders implements PropertiesSource {

    static final String PREFIX = "retrobridge";

    private final Supplier<List<Settings>> settings;

    /** Reads the beans on first use: by then Spring has bound them all. */
    @Autowired
    SettingsPlaceholders(ApplicationContext context) {
        this(SingletonSupplier.of(() -> ordered(ConfigurationPropertiesBean.getAll(context).values().stream()
                .map(bean -> new Settings(bean.getAnnotation().prefix(), bean.getInstance())))));
    }

    private SettingsPlaceholders(Supplier<List<Settings>> settings) {
        this.settings = settings;
    }

    /** Placeholders answered from the given beans, by their prefix (for a CamelContext without Spring). */
    public static SettingsPlaceholders of(Map<String, ?> beansByPrefix) {
        List<Settings> given = ordered(beansByPrefix.entrySet().stream()
                .map(entry -> new Settings(entry.getKey(), entry.getValue())));
        return new SettingsPlaceholders(() -> given);
    }

    @Override
    public String getName() {
        return "retrobridge-settings";
    }

    @Override
    public String getProperty(String name) {
        if (!name.startsWith(PREFIX + ".")) {
            return null;
        }
        int longest = -1;
        for (Settings candidate : settings.get()) {
            if (candidate.prefix().length() < longest) {
                break;
            }
            if (name.startsWith(candidate.prefix() + ".")) {
                longest = candidate.prefix().length();
                Optional<String> value = valueAt(candidate.bean(), name.substring(longest + 1));
                if (value.isPresent()) {
                    return value.get();
                }
            }
        }
        return null;
    }

    private static List<Settings> ordered(Stream<Settings> settings) {
        return settings.filter(s -> s.prefix().equals(PREFIX) || s.prefix().startsWith(PREFIX + "."))
                .sorted(Comparator.comparingInt((Settings s) -> s.prefix().length()).reversed())
                .toList();
    }

    private static Optional<String> valueAt(Object bean, String path) {
        Object value = bean;
        for (String name : path.split("\\.")) {
            if (value == null || isPlain(value)) {
                return Optional.empty();
            }
            value = property(value, name);
        }
        return value != null && isPlain(value) ? Optional.of(placeholderText(value)) : Optional.empty();
    }

    /** The property {@code name} in kebab-case, camelCase or any case, as Spring's relaxed binding reads it. */
    private static Object property(Object bean, String name) {
        String wanted = uniform(name);
        if (bean instanceof Record) {
            for (RecordComponent component : bean.getClass().getRecordComponents()) {
                if (uniform(component.getName()).equals(wanted)) {
                    try {
                        return component.getAccessor().invoke(bean);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + component + " of " + bean.getClass(), e);
                    }
                }
            }
            return null;
        }
        BeanWrapperImpl wrapper = new BeanWrapperImpl(bean);
        for (PropertyDescriptor descriptor : wrapper.getPropertyDescriptors()) {
            if (descriptor.getReadMethod() != null && uniform(descriptor.getName()).equals(wanted)) {
                return wrapper.getPropertyValue(descriptor.getName());
            }
        }
        return null;
    }

    private static String uniform(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static boolean isPlain(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Duration || value instanceof Enum<?> || value instanceof Path;
    }

    private static String placeholderText(Object value) {
        return value instanceof Duration duration ? Long.toString(duration.toMillis()) : value.toString();
    }

    private record Settings(String prefix, Object bean) {
    }
}
