package io.retrobridge.web.admin;

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

    @GetMapping("/api/admin/settings")
    Map<String, Object> settings() {
        return settings.report();
    }
}
