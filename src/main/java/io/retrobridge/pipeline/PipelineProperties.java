package io.retrobridge.pipeline;

import jakarta.validation.constraints.AssertTrue;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the CI/CD systems' own webhooks are received and read as deployments: one secret per system (an empty secret
 * switches that system's endpoint off), and the choices a payload leaves open (which workflows deploy, where a
 * change number is found).
 *
 * @param changeNumberPattern a regular expression a ServiceNow change number matches, searched in the fields each
 *                            system's change-fields names (first match wins); default CHG\d+
 * @param versionPattern      a regular expression a tag or ref must match whole to be taken as the deployed version;
 *                            a ref that does not (a branch such as main) gives way to the build number or the commit
 *                            sha; default v?\d+(\.\d+)*([-+][0-9A-Za-z.-]+)?
 * @param github              GitHub deployment_status and workflow_run deliveries at /webhooks/github
 * @param gitlab              GitLab Deployment Hook and Pipeline Hook deliveries at /webhooks/gitlab
 * @param jenkins             Jenkins Notification plugin deliveries at /webhooks/jenkins
 * @param azureDevops         Azure DevOps release deployment completed service hooks at /webhooks/azure-devops
 */
@Validated
@ConfigurationProperties("retrobridge.pipeline")
public record PipelineProperties(
        @DefaultValue("CHG\\d+") String changeNumberPattern,
        @DefaultValue("v?\\d+(\\.\\d+)*([-+][0-9A-Za-z.-]+)?") String versionPattern,
        @DefaultValue GitHub github,
        @DefaultValue GitLab gitlab,
        @DefaultValue Jenkins jenkins,
        @DefaultValue AzureDevops azureDevops) {

    /** A shorter webhook secret could be guessed offline from a single signed delivery. */
    public static final int MIN_WEBHOOK_SECRET_LENGTH = 16;

    public PipelineProperties {
        changeNumberPattern = changeNumberPattern == null ? "CHG\\d+" : changeNumberPattern;
        versionPattern = versionPattern == null ? "v?\\d+(\\.\\d+)*([-+][0-9A-Za-z.-]+)?" : versionPattern;
        github = github == null ? new GitHub(null, null, null, null, null) : github;
        gitlab = gitlab == null ? new GitLab(null, null) : gitlab;
        jenkins = jenkins == null ? new Jenkins(null, null, null, null, null) : jenkins;
        azureDevops = azureDevops == null ? new AzureDevops(null, null) : azureDevops;
    }

    /** The change number pattern, compiled. */
    public Pattern changeNumbers() {
        return Pattern.compile(changeNumberPattern);
    }

    /** The version pattern, compiled. */
    public Pattern versions() {
        return Pattern.compile(versionPattern);
    }

    @AssertTrue(message = "retrobridge.pipeline.change-number-pattern, version-pattern and github.deploy-workflows"
            + " to be regular expressions, e.g. CHG\\d+ and .*deploy.*")
    public boolean isPatternsValid() {
        return compiles(changeNumberPattern) && compiles(versionPattern)
                && compiles(github.deployWorkflows());
    }

    @AssertTrue(message = "retrobridge.pipeline.github.webhook-secret to have at least "
            + MIN_WEBHOOK_SECRET_LENGTH + " characters (e.g. from openssl rand -hex 32), or to be empty to switch"
            + " /webhooks/github off")
    public boolean isGithubWebhookSecretLongEnough() {
        return longEnough(github.webhookSecret());
    }

    @AssertTrue(message = "retrobridge.pipeline.gitlab.webhook-secret to have at least "
            + MIN_WEBHOOK_SECRET_LENGTH + " characters (e.g. from openssl rand -hex 32), or to be empty to switch"
            + " /webhooks/gitlab off")
    public boolean isGitlabWebhookSecretLongEnough() {
        return longEnough(gitlab.webhookSecret());
    }

    @AssertTrue(message = "retrobridge.pipeline.jenkins.webhook-secret to have at least "
            + MIN_WEBHOOK_SECRET_LENGTH + " characters (e.g. from openssl rand -hex 32), or to be empty to switch"
            + " /webhooks/jenkins off")
    public boolean isJenkinsWebhookSecretLongEnough() {
        return longEnough(jenkins.webhookSecret());
    }

    @AssertTrue(message = "retrobridge.pipeline.azure-devops.webhook-secret to have at least "
            + MIN_WEBHOOK_SECRET_LENGTH + " characters (e.g. from openssl rand -hex 32), or to be empty to switch"
            + " /webhooks/azure-devops off")
    public boolean isAzureDevopsWebhookSecretLongEnough() {
        return longEnough(azureDevops.webhookSecret());
    }

    /**
     * @param webhookSecret      the secret the GitHub webhook signs with (X-Hub-Signature-256), at least 16
     *                           characters; empty switches /webhooks/github off; never logged
     * @param deployWorkflows    a regular expression (whole name, any case) naming the workflows whose runs are
     *                           deployments; other workflow runs are acknowledged and dropped; default .*deploy.*
     * @param workflowEnvironments the environment each deploying workflow deploys to, by workflow name, e.g.
     *                           "Deploy staging": staging; a workflow not listed deploys to default-environment
     * @param defaultEnvironment the environment of a deploying workflow not listed in workflow-environments
     * @param changeFields       where a change number is looked for, comma-separated payload paths in order
     */
    public record GitHub(
            String webhookSecret,
            @DefaultValue(".*deploy.*") String deployWorkflows,
            Map<String, String> workflowEnvironments,
            @DefaultValue("production") String defaultEnvironment,
            @DefaultValue("deployment.description,deployment.payload,deployment_status.description,deployment.ref,"
                    + "workflow_run.display_title,workflow_run.head_commit.message,workflow_run.head_branch")
            String changeFields) {

        public GitHub {
            deployWorkflows = deployWorkflows == null ? ".*deploy.*" : deployWorkflows;
            workflowEnvironments = workflowEnvironments == null ? Map.of() : Map.copyOf(workflowEnvironments);
            defaultEnvironment = defaultEnvironment == null ? "production" : defaultEnvironment;
            changeFields = changeFields == null ? "deployment.description,deployment.payload,"
                    + "deployment_status.description,deployment.ref,workflow_run.display_title,"
                    + "workflow_run.head_commit.message,workflow_run.head_branch" : changeFields;
        }

        /** Secrets stay out of logs and error messages, whoever prints this. */
        @Override
        public String toString() {
            return "GitHub[webhookSecret=" + mask(webhookSecret) + ", deployWorkflows=" + deployWorkflows
                    + ", workflowEnvironments=" + workflowEnvironments + ", defaultEnvironment=" + defaultEnvironment
                    + ", changeFields=" + changeFields + "]";
        }
    }

    /**
     * @param webhookSecret the secret token of the GitLab webhook (X-Gitlab-Token), at least 16 characters; empty
     *                      switches /webhooks/gitlab off; never logged
     * @param changeFields  where a change number is looked for, comma-separated payload paths in order
     */
    public record GitLab(
            String webhookSecret,
            @DefaultValue("commit_title,ref,commit.message,object_attributes.ref,object_attributes.name,"
                    + "object_attributes.variables") String changeFields) {

        public GitLab {
            changeFields = changeFields == null ? "commit_title,ref,commit.message,object_attributes.ref,"
                    + "object_attributes.name,object_attributes.variables" : changeFields;
        }

        /** Secrets stay out of logs and error messages, whoever prints this. */
        @Override
        public String toString() {
            return "GitLab[webhookSecret=" + mask(webhookSecret) + ", changeFields=" + changeFields + "]";
        }
    }

    /**
     * @param webhookSecret        the basic-authentication password in the Notification plugin's URL
     *                             (https://retrobridge:SECRET@host/webhooks/jenkins), at least 16 characters; empty
     *                             switches /webhooks/jenkins off; never logged
     * @param environmentParameter the build parameter naming the environment a build deploys to
     * @param defaultEnvironment   the environment of a build without that parameter
     * @param versionParameter     the build parameter naming the deployed version; without it the build number is
     *                             the version
     * @param changeFields         where a change number is looked for, comma-separated payload paths in order
     */
    public record Jenkins(
            String webhookSecret,
            @DefaultValue("ENVIRONMENT") String environmentParameter,
            @DefaultValue("production") String defaultEnvironment,
            @DefaultValue("VERSION") String versionParameter,
            @DefaultValue("build.parameters,build.scm.branch,build.notes") String changeFields) {

        public Jenkins {
            environmentParameter = environmentParameter == null ? "ENVIRONMENT" : environmentParameter;
            defaultEnvironment = defaultEnvironment == null ? "production" : defaultEnvironment;
            versionParameter = versionParameter == null ? "VERSION" : versionParameter;
            changeFields = changeFields == null ? "build.parameters,build.scm.branch,build.notes" : changeFields;
        }

        /** Secrets stay out of logs and error messages, whoever prints this. */
        @Override
        public String toString() {
            return "Jenkins[webhookSecret=" + mask(webhookSecret) + ", environmentParameter=" + environmentParameter
                    + ", defaultEnvironment=" + defaultEnvironment + ", versionParameter=" + versionParameter
                    + ", changeFields=" + changeFields + "]";
        }
    }

    /**
     * @param webhookSecret the basic-authentication password of the service hook subscription, at least 16
     *                      characters; empty switches /webhooks/azure-devops off; never logged
     * @param changeFields  where a change number is looked for, comma-separated payload paths in order
     */
    public record AzureDevops(
            String webhookSecret,
            @DefaultValue("resource.deployment.release.description,resource.deployment.release.name,"
                    + "resource.environment.release.name,resource.environment.variables") String changeFields) {

        public AzureDevops {
            changeFields = changeFields == null ? "resource.deployment.release.description,"
                    + "resource.deployment.release.name,resource.environment.release.name,"
                    + "resource.environment.variables" : changeFields;
        }

        /** Secrets stay out of logs and error messages, whoever prints this. */
        @Override
        public String toString() {
            return "AzureDevops[webhookSecret=" + mask(webhookSecret) + ", changeFields=" + changeFields + "]";
        }
    }

    /** Secrets stay out of logs and error messages, whoever prints this. */
    @Override
    public String toString() {
        return "PipelineProperties[changeNumberPattern=" + changeNumberPattern + ", versionPattern=" + versionPattern
                + ", github=" + github + ", gitlab=" + gitlab + ", jenkins=" + jenkins + ", azureDevops="
                + azureDevops + "]";
    }

    /** A system's webhook secret when one is set. */
    public static Optional<String> secret(String configured) {
        return Optional.ofNullable(configured).filter(secret -> !secret.isBlank());
    }

    private static boolean compiles(String regex) {
        if (regex == null) {
            return false;
        }
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static boolean longEnough(String secret) {
        return secret == null || secret.isBlank() || secret.strip().length() >= MIN_WEBHOOK_SECRET_LENGTH;
    }

    static String mask(String secret) {
        return secret == null || secret.isBlank() ? "<unset>" : "****";
    }
}
