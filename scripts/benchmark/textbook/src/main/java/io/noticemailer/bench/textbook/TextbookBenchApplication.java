package io.noticemailer.bench.textbook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the textbook job once (Spring Boot launches the only Job at start-up) and exits with its status. */
@SpringBootApplication
public class TextbookBenchApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(TextbookBenchApplication.class, args)));
    }
}
