package gov.suggestions.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

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

    /** Runs {@code sql}, whose rows are (key, count), as the service's role: key → count. */
    public static Map<String, Long> countBy(String database, String role, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, role, role);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            Map<String, Long> counts = new HashMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        }
    }
}
