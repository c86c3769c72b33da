package gov.suggestions.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The services' databases on the machine's PostgreSQL (127.0.0.1:5432), as the system tests use them. */
public final class SuiteDatabases {

    private SuiteDatabases() {
    }

    /** Each run starts from an empty schema; the service's Flyway migrations build it again. */
    public static void emptyDatabase(String database, String role) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, role, role);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
    }
}
