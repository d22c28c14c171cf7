package io.noticemailer.cli;

import org.springframework.context.ApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Lets picocli create commands with constructor injection from the application context (the picocli
 * Spring Boot starter does not support Boot 4). Other classes picocli needs come from its own factory.
 */
final class SpringCommandFactory implements IFactory {

    private final ApplicationContext context;

    SpringCommandFactory(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type.isAnnotationPresent(CommandLine.Command.class)) {
            return context.getAutowireCapableBeanFactory().createBean(type);
        }
        return CommandLine.defaultFactory().create(type);
    }
}
