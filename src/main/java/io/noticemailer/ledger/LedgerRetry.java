package io.noticemailer.ledger;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Retries the send path's ledger writes when the database hiccups (a dropped connection, a deadlock, a
 * failed commit): the outcomes of messages already sent are only in memory until recorded, and every one
 * that is lost becomes UNKNOWN. Safe because each write is idempotent under its claim token.
 */
final class LedgerRetry {

    static final int RETRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(LedgerRetry.class);

    private LedgerRetry() {
    }

    static RetryTemplate template() {
        RetryTemplate template = new RetryTemplate(RetryPolicy.builder().maxRetries(RETRIES)
                .delay(Duration.ofMillis(500)).multiplier(2)
                .includes(TransientDataAccessException.class, RecoverableDataAccessException.class,
                        DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
                        TransactionSystemException.class)
                .build());
        template.setRetryListener(new RetryListener() {
            @Override
            public void onRetryFailure(RetryPolicy policy, Retryable<?> retryable, Throwable failure) {
                log.warn("ledger write failed, trying again: {}", failure.getMessage());
            }
        });
        return template;
    }
}
