package io.retrobridge.web.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Several answers are a {@code Map<String, Object>}, whose values are strings, numbers, lists or null as well as
 * objects; the generator describes such a value as an object. This says "any value" instead.
 */
class AnyValueMaps implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(schema -> visit(schema, seen));
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getResponses() != null) {
                    operation.getResponses().values().stream().filter(response -> response.getContent() != null)
                            .flatMap(response -> response.getContent().values().stream())
                            .forEach(media -> visit(media.getSchema(), seen));
                }
            }));
        }
    }

    private static void visit(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            if (isBareObject(values)) {
                schema.setAdditionalProperties(new Schema<>().nullable(true));
            } else {
                visit(values, seen);
            }
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            properties.values().forEach(property -> visit(property, seen));
        }
        visit(schema.getItems(), seen);
    }

    /** {@code type: object} and nothing else: what {@code Object} turns into. */
    private static boolean isBareObject(Schema<?> schema) {
        return "object".equals(schema.getType()) && schema.get$ref() == null && schema.getProperties() == null
                && schema.getAdditionalProperties() == null;
    }
}
