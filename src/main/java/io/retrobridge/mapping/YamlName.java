package io.retrobridge.mapping;

import io.retrobridge.domain.ExternalSystem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Enum constants and system names as admins write them in mapping files: lower-case words joined by hyphens. */
final class YamlName {

    private YamlName() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String of(ExternalSystem system) {
        return system.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> of(c).equals(text)).findFirst();
    }

    static <E extends Enum<E>> List<String> allOf(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(YamlName::of).toList();
    }
}
