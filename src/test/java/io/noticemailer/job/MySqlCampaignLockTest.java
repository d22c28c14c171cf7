package io.noticemailer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.noticemailer.ledger.LedgerUnavailableException;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * The run lock on a real MariaDB: a name that fits MySQL's 64 characters for every valid campaign id, a lock
 * connection the server does not drop while idle, a keep-alive that takes the lock again when its connection
 * was killed, and no pooled connection lost when taking the lock fails.
 */
@MariaDbTest
class MySqlCampaignLockTest {

    private static final Duration NEVER = Duration.ofHours(1);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The longest campaign id the job file allows (JobFileLoader: 1 to 64 characters). */
    private static final String LONGEST_ID = "c" + "x".repeat(63);

    private DataSourceProps database;
    private HikariDataSource pool;
    private Connection checker;

    @BeforeEach
    void connect(DataSourceProps database) throws SQLException {
        this.database = database;
        pool = pool(database, 4, null);
        checker = DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    @AfterEach
    void disconnect() throws SQLException {
        checker.close();
        pool.close();
    }

    @Test
    void givenA64CharacterCampaignIdThenItsLockNameFitsMySqlsLimitAndItKeepsOtherRunsOut() {
        String sibling = LONGEST_ID.substring(0, 63) + "y";
        assertThat(MySqlCampaignLock.lockName(LONGEST_ID)).hasSizeLessThanOrEqualTo(MySqlCampaignLock.MAX_LOCK_NAME);
        assertThat(MySqlCampaignLock.lockName(LONGEST_ID)).isNotEqualTo(MySqlCampaignLock.lockName(sibling));
        assertThat(MySqlCampaignLock.lockName("dlmarket-2018-12")).as("short ids keep the documented name")
                .isEqualTo("notice-mailer/dlmarket-2018-12");

        CampaignLock lock = new MySqlCampaignLock(pool, NEVER);
        try (CampaignLock.Held held = lock.acquire(LONGEST_ID)) {
            assertThatThrownBy(() -> new MySqlCampaignLock(pool, NEVER).acquire(LONGEST_ID))
                    .isInstanceOf(CampaignLockedException.class);
            try (CampaignLock.Held other = lock.acquire(sibling)) {
                assertThat(other).as("an id differing only in its last character has a lock of its own").isNotNull();
            }
        }
        lock.acquire(LONGEST_ID).close();
    }

    @Test
    void givenTheServerDropsIdleConnectionsThenTheLockConnectionIsNotDroppedWhileTheRunLives() throws Exception {
        try (HikariDataSource shortLived = pool(database, 2, "SET SESSION wait_timeout = 2")) {
            try (CampaignLock.Held held = new MySqlCampaignLock(shortLived, NEVER).acquire("idle-run")) {
                long holder = holder("idle-run");
                Thread.sleep(Duration.ofSeconds(4).toMillis()); // twice the server's wait_timeout, with nothing sent

                assertThat(holder("idle-run")).as("the same connection still holds the lock").isEqualTo(holder);
                held.verify();
            }
        }
    }

    @Test
    void givenTheLockConnectionIsKilledThenTheKeepAliveTakesTheLockAgainWithoutWaitingForAClaim() throws Exception {
        try (CampaignLock.Held held = new MySqlCampaignLock(pool, Duration.ofMillis(200)).acquire("killed-run")) {
            long holder = holder("killed-run");

            kill(holder);

            Instant deadline = Instant.now().plus(PATIENCE);
            while (holder("killed-run") == 0 || holder("killed-run") == holder) {
                assertThat(Instant.now()).as("the keep-alive takes the lock again").isBefore(deadline);
                Thread.sleep(20);
            }
            held.verify();
        }
        assertThat(holder("killed-run")).as("released at the end").isZero();
    }

    @Test
    void givenTheServerRefusesGetLockThenTheConnectionIsGivenBackToThePool() {
        DataSourceProps refusing = new DataSourceProps(database.url() + "&" + GetLockRefused.URL_SETTING,
                database.username(), database.password(), database.database());
        try (HikariDataSource single = pool(refusing, 1, null)) {

            assertThatThrownBy(() -> new MySqlCampaignLock(single, NEVER).acquire("failing-run"))
                    .isInstanceOf(LedgerUnavailableException.class).hasMessageContaining("GET_LOCK refused");

            assertThat(single.getHikariPoolMXBean().getActiveConnections()).as("nothing leaked").isZero();
            assertThatThrownBy(() -> new MySqlCampaignLock(single, NEVER).acquire("failing-run"))
                    .as("the pool's one connection is there for the next try").hasMessageContaining("GET_LOCK refused");
        }
    }

    @Test
    void givenAnH2DatabaseOtherProcessesCanOpenThenNoRunGetsTheInProcessLock() {
        assertThatThrownBy(() -> EmbeddedCampaignLock.forUrl("jdbc:h2:tcp://db.internal:9092/ledger").acquire("x"))
                .isInstanceOf(UsageException.class).hasMessageContaining("jdbc:h2:tcp:").hasMessageNotContaining("db.internal");
        assertThatThrownBy(() -> EmbeddedCampaignLock.forUrl("jdbc:h2:ssl://db.internal/ledger").acquire("x"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> EmbeddedCampaignLock.forUrl("jdbc:h2:file:./data/x;AUTO_SERVER=TRUE").acquire("x"))
                .isInstanceOf(UsageException.class).hasMessageContaining("AUTO_SERVER");
        CampaignLock embedded = EmbeddedCampaignLock.forUrl("jdbc:h2:file:./data/notice-mailer;DB_CLOSE_ON_EXIT=FALSE");
        try (CampaignLock.Held held = embedded.acquire("x")) {
            assertThatThrownBy(() -> embedded.acquire("x")).isInstanceOf(CampaignLockedException.class);
        }
    }

    /** The connection id holding the campaign's lock, 0 when nobody holds it. */
    private long holder(String campaign) throws SQLException {
        try (PreparedStatement ps = checker.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            ps.setString(1, MySqlCampaignLock.lockName(campaign));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Kills a session of the test user and waits until the server has let it go. */
    private void kill(long connectionId) throws SQLException {
        try (Statement statement = checker.createStatement()) {
            statement.execute("KILL CONNECTION " + connectionId);
        }
        Instant deadline = Instant.now().plus(PATIENCE);
        while (sessionExists(connectionId)) {
            assertThat(Instant.now()).as("the killed session ends").isBefore(deadline);
        }
    }

    private boolean sessionExists(long connectionId) throws SQLException {
        try (PreparedStatement ps = checker.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static HikariDataSource pool(DataSourceProps database, int size, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setConnectionInitSql(initSql);
        return new HikariDataSource(config);
    }
}
