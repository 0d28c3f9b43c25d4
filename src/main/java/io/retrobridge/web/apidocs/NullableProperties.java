package io.retrobridge.web.apidocs;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * Our answers are written by Jackson with null values kept ({@code "replayedAt": null}), and the records behind
 * them do not say which components may be null: so every property that is not a Java primitive is described as
 * nullable. Nested objects stay as they are (their schema is shared by every place that uses it).
 */
class NullableProperties implements PropertyCustomizer {

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || type == null || type.getType() == null || property.get$ref() != null
                || property.getProperties() != null) {
            return property;
        }
        Class<?> javaType = TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
        if (!javaType.isPrimitive()) {
            property.setNullable(true);
        }
        return property;
    }
}
