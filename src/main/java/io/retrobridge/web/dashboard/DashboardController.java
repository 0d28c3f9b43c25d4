package io.retrobridge.web.dashboard;

import io.retrobridge.web.security.ApiKeyPrincipal;
import io.retrobridge.web.security.DashboardSessions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dashboard's page and its session: who is signed in (with the CSRF token the page sends back on its POSTs),
 * signing in with an API key in a form body, and signing out.
 */
@Controller
class DashboardController {

    /** What the page needs to know of its session; never the key. */
    record SessionView(boolean signedIn, String name, String role, String csrfHeader, String csrfToken) {
    }

    private final DashboardSessions sessions;

    DashboardController(DashboardSessions sessions) {
        this.sessions = sessions;
    }

    @Operation(summary = "The dashboard's page: a sign-in form, then charts of the reports")
    @GetMapping({"/dashboard", "/dashboard/"})
    String page() {
        return "forward:/dashboard/index.html";
    }

    @Operation(summary = "Whether this browser is signed in to the dashboard, and the CSRF token for its POSTs")
    @GetMapping(path = "/dashboard/session", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<SessionView> session(HttpServletRequest request, CsrfToken csrf) {
        Optional<ApiKeyPrincipal> viewer = sessions.viewer(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new SessionView(viewer.isPresent(),
                viewer.map(ApiKeyPrincipal::name).orElse(null), viewer.map(v -> v.role().settingName()).orElse(null),
                csrf.getHeaderName(), csrf.getToken()));
    }

    @Operation(summary = "Signs this browser in to the dashboard with an API key sent in the form body (apiKey);"
            + " the session may then read as a viewer")
    @PostMapping(path = "/dashboard/session", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> signIn(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(name = "apiKey", required = false) String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Enter an API key to sign in."));
        }
        return sessions.signIn(request, response, apiKey)
                .<ResponseEntity<Map<String, Object>>>map(viewer -> ResponseEntity.ok(Map.of("signedIn", true,
                        "name", viewer.name(), "role", viewer.role().settingName())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error",
                        "That API key is not recognised. Check it and try again; any registered key (viewer or"
                                + " better) may sign in.")));
    }

    @Operation(summary = "Signs this browser out of the dashboard")
    @PostMapping(path = "/dashboard/session/end")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        sessions.signOut(request);
        return ResponseEntity.noContent().build();
    }
}
