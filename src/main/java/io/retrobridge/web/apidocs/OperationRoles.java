package io.retrobridge.web.apidocs;

import io.retrobridge.web.security.ApiAccessPolicy;
import io.retrobridge.web.security.ApiRole;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;

/**
 * Writes into every operation who may call it, as {@link ApiAccessPolicy} decides for its method and path:
 * the security requirement (either way of sending a key), {@code x-required-role} ({@code none} for open
 * endpoints), a line in the description, and the 401/403 answers. Nothing is stated per controller, so the
 * description cannot drift from what is enforced.
 */
class OperationRoles implements OpenApiCustomizer {

    static final String ROLE_EXTENSION = "x-required-role";
    static final String NO_ROLE = "none";
    static final String REFUSAL_SCHEMA = "RefusedCall";

    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    private final ApiAccessPolicy policy;

    OperationRoles(ApiAccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getComponents().addSchemas(REFUSAL_SCHEMA, refusalSchema());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(operation, policy.access(HttpMethod.valueOf(method.name()), path))));
    }

    private static void describe(Operation operation, ApiAccessPolicy.Access access) {
        if (access.required().isEmpty()) {
            operation.setSecurity(List.of());
            operation.addExtension(ROLE_EXTENSION, NO_ROLE);
            appendDescription(operation, "Open: " + access.openBecause() + ".");
            return;
        }
        ApiRole role = access.required().get();
        operation.setSecurity(List.of(new SecurityRequirement().addList(ApiDocsConfiguration.API_KEY_SCHEME),
                new SecurityRequirement().addList(ApiDocsConfiguration.BEARER_SCHEME)));
        operation.addExtension(ROLE_EXTENSION, role.settingName());
        appendDescription(operation, "Role: " + role.settingName() + " (keys with role "
                + role.rolesIncludingThis().stream().map(ApiRole::settingName).collect(Collectors.joining(", "))
                + " may call it).");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.putIfAbsent("401", refusal("No API key, or one nobody configured."));
        responses.putIfAbsent("403", refusal("The key's role is below " + role.settingName() + "."));
        operation.setResponses(responses);
    }

    private static void appendDescription(Operation operation, String line) {
        String before = operation.getDescription();
        operation.setDescription(before == null || before.isBlank() ? line : before + "\n\n" + line);
    }

    private static ApiResponse refusal(String description) {
        Schema<?> schema = new Schema<>().$ref("#/components/schemas/" + REFUSAL_SCHEMA);
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    /** What the 401 and 403 answers of the API-key check carry; the role fields come with 403 only. */
    private static ObjectSchema refusalSchema() {
        ObjectSchema schema = new ObjectSchema();
        schema.addProperty("status", new IntegerSchema().format("int32"));
        schema.addProperty("error", new StringSchema());
        schema.addProperty("hint", new StringSchema());
        schema.addProperty("requiredRole", new StringSchema());
        schema.addProperty("heldRole", new StringSchema());
        schema.addProperty("keyName", new StringSchema());
        schema.setRequired(List.of("status", "error", "hint"));
        return schema;
    }
}
