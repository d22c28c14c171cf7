package io.noticemailer.job;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.code.ManagementCodes;
import io.noticemailer.input.InputReader;
import io.noticemailer.ledger.DatabaseKind;
import io.noticemailer.send.RunStop;

/** The plain-Java collaborators of a run, made available for injection. */
@Configuration(proxyBeanMethods = false)
class RunInfrastructure {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Claim tokens only need to differ between claims; codes must be unguessable (SecureRandom). */
    @Bean
    RandomGenerator claimTokens() {
        return new SecureRandom();
    }

    /** One per process: the signal handler, the reader and the send workers share it; each run begins it afresh. */
    @Bean
    RunStop runStop() {
        return new RunStop();
    }

    @Bean
    ManagementCodes managementCodes() {
        return new ManagementCodes(new SecureRandom());
    }

    @Bean
    JobFileLoader jobFileLoader() {
        return new JobFileLoader();
    }

    @Bean
    InputReader inputReader() {
        return new InputReader();
    }

    @Bean
    CampaignLock campaignLock(DataSource dataSource, LockSettings settings) {
        if (DatabaseKind.of(dataSource) != DatabaseKind.H2) {
            return new MySqlCampaignLock(dataSource, settings.keepAlive());
        }
        return EmbeddedCampaignLock.forUrl(DatabaseKind.url(dataSource));
    }
}
