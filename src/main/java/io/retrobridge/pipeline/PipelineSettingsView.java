package io.retrobridge.pipeline;

import static io.retrobridge.sync.SettingsView.mask;

import io.retrobridge.sync.SettingsView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The CI/CD webhook settings for the admin view: which endpoints are on, and the reading choices; secrets masked. */
@Component
class PipelineSettingsView implements SettingsView {

    private final PipelineProperties pipeline;

    PipelineSettingsView(PipelineProperties pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("changeNumberPattern", pipeline.changeNumberPattern());
        settings.put("versionPattern", pipeline.versionPattern());
        PipelineProperties.GitHub github = pipeline.github();
        settings.put("github", Map.of("webhookSecret", mask(github.webhookSecret()),
                "deployWorkflows", github.deployWorkflows(), "workflowEnvironments", github.workflowEnvironments(),
                "defaultEnvironment", github.defaultEnvironment(), "changeFields", github.changeFields()));
        settings.put("gitlab", Map.of("webhookSecret", mask(pipeline.gitlab().webhookSecret()),
                "changeFields", pipeline.gitlab().changeFields()));
        PipelineProperties.Jenkins jenkins = pipeline.jenkins();
        settings.put("jenkins", Map.of("webhookSecret", mask(jenkins.webhookSecret()),
                "environmentParameter", jenkins.environmentParameter(),
                "defaultEnvironment", jenkins.defaultEnvironment(), "versionParameter", jenkins.versionParameter(),
                "changeFields", jenkins.changeFields()));
        settings.put("azureDevops", Map.of("webhookSecret", mask(pipeline.azureDevops().webhookSecret()),
                "changeFields", pipeline.azureDevops().changeFields()));
        return settings;
    }
}
