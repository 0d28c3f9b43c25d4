package io.retrobridge.web.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the audit recorder in front of every admin endpoint. */
@Configuration(proxyBeanMethods = false)
class AdminAuditConfiguration implements WebMvcConfigurer {

    private final AdminAuditRecorder recorder;

    AdminAuditConfiguration(AdminAuditRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(recorder).addPathPatterns("/api/admin/**");
    }
}
