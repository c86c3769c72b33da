package gov.suggestions.reporting.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The read model's tables (those whose comment starts with {@value #MARK}) and the DDL that builds a fresh
 * copy of them in another schema and swaps it in. The live schema is the connection's current schema.
 */
@ApplicationScoped
public class ReadModelTables {

    public static final String MARK = "read model";
    private static final String RETIRED = "reporting_retired";

    private final EntityManager em;

    public ReadModelTables(EntityManager em) {
        this.em = em;
    }

    public String liveSchema() {
        return (String) em.createNativeQuery("SELECT current_schema()").getSingleResult();
    }

    /** The marked tables of the live schema; the inbox first, as every projection transaction writes it first. */
    @SuppressWarnings("unchecked")
    public List<String> names(String live) {
        return em.createNativeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = :live AND c.relkind = 'r' AND obj_description(c.oid, 'pg_class') LIKE :mark
                ORDER BY c.relname <> 'inbox_event', c.relname""")
                .setParameter("live", live).setParameter("mark", MARK + "%").getResultList();
    }

    /** Empty copies of the marked tables (columns, defaults, checks, keys and indexes under the same names) in {@code target}. */
    @SuppressWarnings("unchecked")
    public List<String> createEmptyCopies(String live, String target) {
        execute("DROP SCHEMA IF EXISTS " + ident(target) + " CASCADE");
        execute("CREATE SCHEMA " + ident(target));
        List<String> tables = names(live);
        if (tables.isEmpty()) {
            throw new IllegalStateException("no table of schema " + live + " is marked as read model");
        }
        for (String table : tables) {
            execute("CREATE TABLE " + ident(target) + "." + ident(table) + " (LIKE " + ident(live) + "." + ident(table)
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING COMMENTS)");
            // LIKE copies the columns' comments, not the table's: the mark goes along by hand
            em.createNativeQuery("SELECT obj_description(cast(:table as regclass), 'pg_class')")
                    .setParameter("table", ident(live) + "." + ident(table)).getResultList()
                    .forEach(comment -> execute("COMMENT ON TABLE " + ident(target) + "." + ident(table) + " IS '"
                            + ((String) comment).replace("'", "''") + "'"));
            List<Object[]> constraints = em.createNativeQuery("""
                    SELECT con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con
                    WHERE con.conrelid = cast(:table as regclass) AND con.contype IN ('p', 'u', 'x') ORDER BY con.conname""")
                    .setParameter("table", ident(live) + "." + ident(table)).getResultList();
            for (Object[] c : constraints) {
                execute("ALTER TABLE " + ident(target) + "." + ident(table) + " ADD CONSTRAINT " + ident((String) c[0]) + " " + c[1]);
            }
            List<String> indexes = em.createNativeQuery("""
                    SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                    WHERE i.indrelid = cast(:table as regclass)
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)""")
                    .setParameter("table", ident(live) + "." + ident(table)).getResultList();
            String on = " ON " + ident(live) + "." + ident(table) + " ";
            for (String index : indexes) {
                if (!index.contains(on)) {
                    throw new IllegalStateException("cannot copy index definition " + index);
                }
                execute(index.replace(on, " ON " + ident(target) + "." + ident(table) + " "));
            }
        }
        return tables;
    }

    /** Locks the live tables against every reader and writer until the transaction ends (the inbox first). */
    public void lockLive(String live, List<String> tables) {
        List<String> qualified = new ArrayList<>();
        tables.forEach(t -> qualified.add(ident(live) + "." + ident(t)));
        execute("LOCK TABLE " + String.join(", ", qualified) + " IN ACCESS EXCLUSIVE MODE");
    }

    /** Moves the live tables out and the fresh ones in, then drops the old ones; atomic with the transaction. */
    public void swap(String live, String fresh, List<String> tables) {
        execute("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE");
        execute("CREATE SCHEMA " + RETIRED);
        for (String table : tables) {
            execute("ALTER TABLE " + ident(live) + "." + ident(table) + " SET SCHEMA " + RETIRED);
            execute("ALTER TABLE " + ident(fresh) + "." + ident(table) + " SET SCHEMA " + ident(live));
        }
        execute("DROP SCHEMA " + RETIRED + " CASCADE");
        execute("DROP SCHEMA " + ident(fresh) + " CASCADE");
    }

    public void drop(String schema) {
        execute("DROP SCHEMA IF EXISTS " + ident(schema) + " CASCADE");
    }

    /** Makes the current transaction read and write unqualified tables in {@code schema} only. */
    public void useOnly(String schema) {
        // tables being rebuilt need not wait for the disk on each commit: a crash fails the rebuild, which starts over
        em.createNativeQuery("SELECT set_config('search_path', :schema, true), set_config('synchronous_commit', 'off', true)")
                .setParameter("schema", ident(schema)).getSingleResult();
    }

    private void execute(String sql) {
        em.createNativeQuery(sql).executeUpdate();
    }

    /** Schema and table names come from the catalogue or configuration; quoted all the same. */
    private static String ident(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain SQL name: " + name);
        }
        return name;
    }
}
