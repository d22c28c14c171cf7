package io.noticemailer.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that needs a real MariaDB: its methods, constructors and lifecycle methods may take
 * {@link MariaDbServer}, {@link DataSourceProps} or {@link javax.sql.DataSource} parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MariaDbExtension.class)
@Tag("mariadb")
public @interface MariaDbTest {
}
