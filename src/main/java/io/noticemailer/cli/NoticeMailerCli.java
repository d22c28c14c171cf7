package io.noticemailer.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import picocli.CommandLine;

/** Runs one command line against the started application and returns its exit code. */
@Component
public class NoticeMailerCli {

    private static final Pattern SETTING = Pattern.compile("--[A-Za-z0-9_-]+(\\.[A-Za-z0-9_\\[\\]-]+)+=.*", Pattern.DOTALL);

    private final ApplicationContext context;
    private final Environment environment;
    private final ExceptionExitCodes exitCodes = new ExceptionExitCodes();

    NoticeMailerCli(ApplicationContext context, Environment environment) {
        this.context = context;
        this.environment = environment;
    }

    public int execute(PrintWriter out, PrintWriter err, String... args) {
        announceEmbeddedDatabase(err);
        CommandLine commandLine = new CommandLine(NoticeMailerCommand.class, new SpringCommandFactory(context))
                .setOut(out).setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(exitCodes)
                .setExitCodeExceptionMapper(exitCodes);
        return commandLine.execute(withoutSpringArguments(args));
    }

    /** Reports a failure that happened before any command could run (the application did not start). */
    public static int startupFailed(Throwable exception, PrintWriter err) {
        ExceptionExitCodes exitCodes = new ExceptionExitCodes();
        exitCodes.report(exception, err);
        return exitCodes.getExitCode(exception);
    }

    private void announceEmbeddedDatabase(PrintWriter err) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:")) {
            err.println("notice-mailer: using the embedded H2 database " + url.substring("jdbc:h2:".length()).split(";")[0]
                    + " (for a first try; set SPRING_DATASOURCE_URL for MySQL/MariaDB)");
            err.flush();
        }
    }

    /**
     * Spring Boot has already read settings given as {@code --some.property=value} (every property name has
     * a dot; no option of ours does), so picocli must not see them.
     */
    private static String[] withoutSpringArguments(String[] args) {
        return Arrays.stream(args).filter(a -> !SETTING.matcher(a).matches()).toArray(String[]::new);
    }
}
