package io.retrobridge.web.apidocs;

import io.retrobridge.RetroBridgeApplication;
import io.retrobridge.web.security.ApiAccessPolicy;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the description that no controller states: what the API is, and how a key is sent (so the
 * Swagger UI's "Authorize" can send it).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String API_KEY_SCHEME = "apiKey";
    static final String BEARER_SCHEME = "bearer";

    @Bean
    OpenAPI retroBridgeOpenApi() {
        String version = Objects.requireNonNullElse(RetroBridgeApplication.class.getPackage().getImplementationVersion(),
                "development");
        return new OpenAPI()
                .info(new Info().title("RetroBridge API").version(version).description("""
                        Admin, report and pipeline endpoints of RetroBridge, and the webhooks it receives.
                        Every operation names the role it needs (x-required-role, and a line in its description);
                        roles include the ones below them: admin > pipeline > viewer. Send the key as
                        `X-API-Key: <key>` or `Authorization: Bearer <key>`. This description and the Swagger UI
                        need an admin key; actuator endpoints are not described here (see the README)."""))
                .components(new Components()
                        .addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                                .description("An API key from retrobridge.security.api-keys or the bootstrap admin key."))
                        .addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The same API key, sent as a bearer token.")));
    }

    @Bean
    NullableProperties nullableProperties() {
        return new NullableProperties();
    }

    @Bean
    AnyValueMaps anyValueMaps() {
        return new AnyValueMaps();
    }

    @Bean
    OperationRoles operationRoles(ApiAccessPolicy policy) {
        return new OperationRoles(policy);
    }
}
