package io.noticemailer;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import io.noticemailer.cli.NoticeMailerCli;
import io.noticemailer.job.StopSignals;
import io.noticemailer.message.MailSystemProperties;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NoticeMailerApplication {

    public static void main(String[] args) {
        // Before any mail class loads: avoids Jakarta Mail's ServiceLoader scan on every encode.
        MailSystemProperties.apply();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int exitCode;
        ConfigurableApplicationContext context = null;
        try {
            SpringApplication application = new SpringApplication(NoticeMailerApplication.class);
            // SIGTERM must not close the context under a running job: StopSignals stops the run instead.
            application.setRegisterShutdownHook(false);
            context = application.run(args);
            context.getBean(StopSignals.class).install();
            exitCode = context.getBean(NoticeMailerCli.class).execute(out, err, args);
        } catch (RuntimeException e) {
            exitCode = NoticeMailerCli.startupFailed(e, err);
        } finally {
            if (context != null) {
                context.close();
            }
        }
        System.exit(exitCode);
    }
}
