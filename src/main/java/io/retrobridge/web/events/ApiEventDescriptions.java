package io.retrobridge.web.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sync.ApiEventSource;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Describes each registered API event source under its own path ({@code POST /api/events/deployments}) with the
 * JSON Schema it ships, so a caller reads the body's fields, their meaning and examples in the API description.
 * Runs before the customizer that states every operation's role, so these paths get theirs the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiEventDescriptions implements OpenApiCustomizer {

    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final ObjectMapper READER = new ObjectMapper();

    private final ApiEventSources sources;

    ApiEventDescriptions(ApiEventSources sources) {
        this.sources = sources;
    }

    @Override
    public void customise(OpenAPI openApi) {
        for (ApiEventSource source : sources.all()) {
            source.schemaResource().ifPresent(resource -> describe(openApi, source, resource));
        }
    }

    private static void describe(OpenAPI openApi, ApiEventSource source, String resource) {
        JsonNode jsonSchema = read(resource);
        String name = jsonSchema.path("title").asText(source.name());
        openApi.getComponents().addSchemas(name, asOpenApiSchema(jsonSchema));
        Schema<?> body = new Schema<>().$ref("#/components/schemas/" + name);
        Operation operation = new Operation()
                .summary(source.summary())
                .description(jsonSchema.path("description").asText("") + "\n\nThe body's JSON Schema ships as `"
                        + resource + "`. 202 accepted (stored), 200 duplicate (stored before), 400 naming the field"
                        + " that cannot be read (nothing stored), 503 with Retry-After when the store is down.")
                .addTagsItem("api-event-controller")
                .operationId("post" + name)
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType(JSON,
                        new MediaType().schema(body))))
                .responses(new ApiResponses()
                        .addApiResponse("202", answer("Stored; handled shortly by the inbox.", "status", "event"))
                        .addApiResponse("200", answer("The same event was stored before; stored once.", "status"))
                        .addApiResponse("400", answer("A field cannot be read; the error names it. Nothing stored.",
                                "error"))
                        .addApiResponse("413", answer("The body is too large. Nothing stored.", "error"))
                        .addApiResponse("503", answer("The store is down; send it again after Retry-After seconds.",
                                "error")));
        openApi.path("/api/events/" + source.name(), new PathItem().post(operation));
    }

    private static ApiResponse answer(String description, String... fields) {
        ObjectSchema schema = new ObjectSchema();
        for (String field : fields) {
            schema.addProperty(field, new StringSchema());
        }
        schema.setRequired(List.of(fields[0]));
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return READER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The JSON Schema " + resource + " cannot be read", e);
        }
    }

    /**
     * JSON Schema to the OpenAPI 3.0 dialect the description is served in: a type that also allows null becomes
     * {@code nullable}, the first of the {@code examples} becomes the {@code example}, and the schema's own
     * identifiers are left out.
     */
    static Schema<?> asOpenApiSchema(JsonNode jsonSchema) {
        ObjectNode converted = jsonSchema.deepCopy();
        convert(converted);
        converted.remove(List.of("$schema", "$id", "$comment"));
        return Json.mapper().convertValue(converted, Schema.class);
    }

    private static void convert(ObjectNode node) {
        JsonNode type = node.get("type");
        if (type instanceof ArrayNode types) {
            List<String> named = new ArrayList<>();
            types.forEach(each -> named.add(each.asText()));
            if (named.remove("null")) {
                node.put("nullable", true);
            }
            // OpenAPI 3.0 names one type; a value of either of two (a string or a number) is left untyped.
            if (named.size() == 1) {
                node.put("type", named.get(0));
            } else {
                node.remove("type");
            }
        }
        if (node.get("enum") instanceof ArrayNode values) {
            ArrayNode withoutNull = values.arrayNode();
            values.forEach(value -> {
                if (!value.isNull()) {
                    withoutNull.add(value);
                }
            });
            node.set("enum", withoutNull);
        }
        JsonNode examples = node.get("examples");
        if (examples instanceof ArrayNode list && !list.isEmpty()) {
            node.set("example", list.get(0));
            node.remove("examples");
        }
        JsonNode properties = node.get("properties");
        if (properties instanceof ObjectNode each) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = each.fields(); fields.hasNext(); ) {
                if (fields.next().getValue() instanceof ObjectNode property) {
                    convert(property);
                }
            }
        }
    }
}
