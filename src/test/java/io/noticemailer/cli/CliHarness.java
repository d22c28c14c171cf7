package io.noticemailer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.NoticeMailerApplication;
import io.noticemailer.message.MailSystemProperties;
import io.noticemailer.support.DataSourceProps;

/** The real application, started once per test class against a test database, driven through its CLI. */
final class CliHarness implements AutoCloseable {

    record Result(int exitCode, String out, String err) {
    }

    private final ConfigurableApplicationContext context;

    CliHarness(DataSourceProps database, Map<String, Object> more) {
        this(database.asArguments(), more);
    }

    CliHarness(List<String> databaseArguments, Map<String, Object> more) {
        this(databaseArguments, more, Map.of());
    }

    /** With {@code clock} (e.g. a FakeTime) in place of the application's {@code clock} bean, when not null. */
    CliHarness(List<String> databaseArguments, Map<String, Object> more, Clock clock) {
        this(databaseArguments, more, clock == null ? Map.of() : Map.of("clock", clock));
    }

    /** With each of {@code beans} in place of the application's bean of that name (clock…), or added beside them. */
    CliHarness(List<String> databaseArguments, Map<String, Object> more, Map<String, Object> beans) {
        MailSystemProperties.apply();
        // As arguments, not default properties: those rank below application.yml's embedded default.
        List<String> args = new ArrayList<>(databaseArguments);
        more.forEach((key, value) -> args.add("--" + key + "=" + value));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(NoticeMailerApplication.class);
        if (!beans.isEmpty()) {
            builder.initializers(context -> context.addBeanFactoryPostProcessor(factory -> beans.forEach((name, bean) -> {
                BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
                if (registry.containsBeanDefinition(name)) {
                    registry.removeBeanDefinition(name);
                }
                factory.registerSingleton(name, bean);
            })));
        }
        context = builder.run(args.toArray(String[]::new));
    }

    static Map<String, Object> smtp(int port) {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port,
                "spring.mail.properties.mail.smtp.timeout", "5000",
                "spring.mail.properties.mail.smtp.connectiontimeout", "5000");
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = context.getBean(NoticeMailerCli.class).execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    org.springframework.core.env.Environment environment() {
        return context.getEnvironment();
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
