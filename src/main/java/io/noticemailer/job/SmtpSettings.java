package io.noticemailer.job;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The relay, under Spring Boot's own names ({@code SPRING_MAIL_HOST} …). Bound here too because Boot only
 * configures mail when a host is set, and a run must say so before it starts rather than fail mid-job.
 */
@ConfigurationProperties(prefix = "spring.mail")
public record SmtpSettings(String host, Integer port, String username, String password, Map<String, String> properties) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    public int portOrDefault() {
        return port == null ? 25 : port;
    }

    public Map<String, String> propertiesOrEmpty() {
        return properties == null ? Map.of() : properties;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + "]";
    }
}
