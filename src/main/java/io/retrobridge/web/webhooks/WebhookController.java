package io.retrobridge.web.webhooks;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/jira} and {@code POST /webhooks/servicenow}. Open to anyone (see ApiAccessPolicy): the
 * signature over the raw body is the protection, so the body is taken as bytes, never bound by a converter.
 */
@RestController
class WebhookController {

    private final WebhookIntake intake;
    private final JiraWebhookSource jira;
    private final ServiceNowWebhookSource serviceNow;

    WebhookController(WebhookIntake intake, JiraWebhookSource jira, ServiceNowWebhookSource serviceNow) {
        this.intake = intake;
        this.jira = jira;
        this.serviceNow = serviceNow;
    }

    @PostMapping(path = "/webhooks/jira", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jira(HttpServletRequest request) {
        return intake.receive(jira, request);
    }

    @PostMapping(path = "/webhooks/servicenow", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> serviceNow(HttpServletRequest request) {
        return intake.receive(serviceNow, request);
    }
}
