package io.noticemailer.support;

import java.util.List;
import java.util.Map;

/** How to reach one throwaway test database: what {@code SPRING_DATASOURCE_*} would hold. */
public record DataSourceProps(String url, String username, String password, String database) {

    /** Spring Boot property names and values, e.g. for {@code SpringApplicationBuilder.properties}. */
    public Map<String, String> asProperties() {
        return Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", username,
                "spring.datasource.password", password);
    }

    /** The same settings as command-line arguments, as an operator would pass them to the jar. */
    public List<String> asArguments() {
        return asProperties().entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .sorted()
                .toList();
    }

    /** Keeps the password out of assertion messages and logs. */
    @Override
    public String toString() {
        return "DataSourceProps[url=" + url + ", username=" + username + ", password=***]";
    }
}
