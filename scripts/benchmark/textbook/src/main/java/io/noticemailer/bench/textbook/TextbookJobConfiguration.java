package io.noticemailer.bench.textbook;

import jakarta.mail.internet.MimeMessage;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.mail.javamail.MimeMessageItemWriter;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/** FlatFileItemReader → processor → MimeMessageItemWriter, chunks of 100: one SMTP connection per chunk. */
@Configuration(proxyBeanMethods = false)
class TextbookJobConfiguration {

    private static final int CHUNK_SIZE = 100;

    @Bean
    Job textbookJob(JobRepository jobRepository, Step sendStep) {
        return new JobBuilder("textbookJob", jobRepository).start(sendStep).build();
    }

    @Bean
    Step sendStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                  FlatFileItemReader<Recipient> reader, NoticeProcessor processor, MimeMessageItemWriter writer) {
        return new StepBuilder("sendStep", jobRepository).<Recipient, MimeMessage>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager).reader(reader).processor(processor).writer(writer).build();
    }

    /** No database in this job: Spring Batch's in-memory repository and a transaction manager to match. */
    @Bean
    PlatformTransactionManager transactionManager() {
        return new ResourcelessTransactionManager();
    }

    @Bean
    FlatFileItemReader<Recipient> reader(@Value("${bench.input}") String input) {
        return new FlatFileItemReaderBuilder<Recipient>().name("recipientReader")
                .resource(new FileSystemResource(input)).encoding("windows-31j").linesToSkip(1)
                .delimited().names("customerId", "name", "email", "cohort", "paidAt")
                .targetType(Recipient.class).build();
    }

    @Bean
    NoticeProcessor processor(JavaMailSender mailSender, freemarker.template.Configuration freemarker) {
        return new NoticeProcessor(mailSender, freemarker);
    }

    @Bean
    MimeMessageItemWriter writer(JavaMailSender mailSender) {
        return new MimeMessageItemWriter(mailSender);
    }
}
