package io.noticemailer.support;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import javax.sql.DataSource;
import java.util.Set;

/**
 * Gives tests a real MariaDB: resolves {@link MariaDbServer} (one per test run, stopped when the run
 * ends), {@link DataSourceProps} (one fresh database per top-level test class, shared with its nested
 * classes) and {@link DataSource} (a pool on that database). Use it through {@link MariaDbTest}.
 */
public final class MariaDbExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MariaDbExtension.class);
    private static final Set<Class<?>> RESOLVED = Set.of(MariaDbServer.class, DataSourceProps.class, DataSource.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == MariaDbServer.class) {
            return server(context);
        }
        if (type == DataSourceProps.class) {
            return classDatabase(context);
        }
        return classStore(context).computeIfAbsent(DataSource.class,
                key -> server(context).dataSource(classDatabase(context)), HikariDataSource.class);
    }

    /** The root store closes the server, an AutoCloseable, once every test of the run has finished. */
    private static MariaDbServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(MariaDbServer.class,
                key -> MariaDbServer.fromEnvironment(System.getenv()), MariaDbServer.class);
    }

    private static DataSourceProps classDatabase(ExtensionContext context) {
        String hint = topLevelClass(context).getRequiredTestClass().getSimpleName();
        return classStore(context).computeIfAbsent(DataSourceProps.class,
                key -> server(context).newDatabase(hint), DataSourceProps.class);
    }

    /** Methods and nested classes share the database of their top-level class, whichever asks first. */
    private static ExtensionContext.Store classStore(ExtensionContext context) {
        return topLevelClass(context).getStore(NAMESPACE);
    }

    private static ExtensionContext topLevelClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
