package io.noticemailer.support;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbServerTest {

    private static final String FOUR_BYTE_NAME = "𠮷野 太郎";

    private MariaDbServer serverOfOuterClass;
    private DataSourceProps databaseOfOuterClass;

    @BeforeAll
    void rememberServerAndDatabase(MariaDbServer server, DataSourceProps database) {
        serverOfOuterClass = server;
        databaseOfOuterClass = database;
    }

    @Test
    void classDatabaseAcceptsConnectionsAndDefaultsToUtf8mb4Binary(DataSourceProps database) throws SQLException {
        try (Connection connection = connect(database);
             ResultSet row = connection.createStatement()
                     .executeQuery("SELECT DATABASE(), @@character_set_database, @@collation_database")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo(database.database()).startsWith("nm_mariadbservertest_");
            assertThat(row.getString(2)).isEqualTo("utf8mb4");
            assertThat(row.getString(3)).isEqualTo("utf8mb4_bin");
        }
    }

    @Test
    void fourByteKanjiRoundTripsThroughVarchar(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE names (id INT PRIMARY KEY, name VARCHAR(20))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO names VALUES (1, ?)")) {
                insert.setString(1, FOUR_BYTE_NAME);
                insert.executeUpdate();
            }
            try (ResultSet row = connection.createStatement()
                    .executeQuery("SELECT name, CHAR_LENGTH(name), LENGTH(name) FROM names WHERE id = 1")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo(FOUR_BYTE_NAME);
                assertThat(row.getInt(2)).isEqualTo(FOUR_BYTE_NAME.codePointCount(0, FOUR_BYTE_NAME.length()));
                assertThat(row.getInt(3)).isEqualTo(FOUR_BYTE_NAME.getBytes(StandardCharsets.UTF_8).length);
            }
        }
    }

    @Test
    void newDatabasesAreIndependentOfEachOther(MariaDbServer server) throws SQLException {
        DataSourceProps first = server.newDatabase("independent");
        DataSourceProps second = server.newDatabase("independent");
        assertThat(first.database()).isNotEqualTo(second.database());
        try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE only_in_first (id INT)");
        }
        try (Connection connection = connect(second); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM only_in_first"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("only_in_first");
        }
    }

    @Test
    void propsNeverShowThePassword(DataSourceProps database) {
        assertThat(database.password()).isNotEmpty();
        assertThat(database.toString()).doesNotContain(database.password()).contains(database.url());
    }

    @Test
    void killedServerRefusesConnectionsAndKeepsCommittedRowsAfterRestart(MariaDbServer server) throws SQLException {
        assumeTrue(server.isEmbedded(), "only a server this JVM started can be killed");
        DataSourceProps database = server.newDatabase("crash");
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE survivors (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO survivors VALUES (7)");
        }
        server.kill();
        assertThatThrownBy(() -> connect(database).close()).isInstanceOf(SQLException.class);
        server.restart();
        try (Connection connection = connect(database);
             ResultSet row = connection.createStatement().executeQuery("SELECT id FROM survivors")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isEqualTo(7);
        }
    }

    @Nested
    class InANestedClass {

        @Test
        void theSameServerIsReusedAndOnlyOneMariadbdRuns(MariaDbServer server) {
            assertThat(server).isSameAs(serverOfOuterClass);
            long ownMariadbds = ProcessHandle.current().descendants()
                    .filter(process -> process.info().command().orElse("").endsWith("mariadbd"))
                    .count();
            assertThat(ownMariadbds).isEqualTo(server.isEmbedded() ? 1 : 0);
        }

        @Test
        void aNestedClassSharesTheDatabaseOfItsEnclosingClass(DataSourceProps database) {
            assertThat(database).isSameAs(databaseOfOuterClass);
        }
    }

    private static Connection connect(DataSourceProps database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }
}
