package io.retrobridge.web.security;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets a user check which key they are using and what it may do. */
@RestController
class WhoAmIController {

    record WhoAmI(String name, String role) {
    }

    @Operation(summary = "The key you are using and its role")
    @GetMapping("/api/whoami")
    WhoAmI whoAmI(@AuthenticationPrincipal ApiKeyPrincipal caller) {
        return new WhoAmI(caller.name(), caller.role().settingName());
    }
}
