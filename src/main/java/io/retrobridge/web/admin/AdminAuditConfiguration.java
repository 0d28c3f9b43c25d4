package io.retrobridge.web.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the audit recorder in front of every admin endpoint, and of asking for a change's PIR figures. */
@Configuration(proxyBeanMethods = false)
class AdminAuditConfiguration implements WebMvcConfigurer {

    private final AdminAuditRecorder recorder;

    AdminAuditConfiguration(AdminAuditRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(recorder).addPathPatterns("/api/admin/**", "/api/changes/*/pir/collect");
    }
}
