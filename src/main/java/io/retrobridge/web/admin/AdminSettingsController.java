package io.retrobridge.web.admin;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins check here what RetroBridge is really running with (secrets masked). */
@RestController
class AdminSettingsController {

    private final EffectiveSettings settings;

    AdminSettingsController(EffectiveSettings settings) {
        this.settings = settings;
    }

    @Operation(summary = "The settings in effect, secrets masked")
    @GetMapping("/api/admin/settings")
    Map<String, Object> settings() {
        return settings.report();
    }
}
