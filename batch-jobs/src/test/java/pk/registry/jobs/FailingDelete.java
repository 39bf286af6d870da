package pk.registry.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An H2 trigger that fails the n-th deletion of a household, like a database failing in the
 * middle of a run; {@link #during} installs it around a piece of work and removes it after.
 */
public class FailingDelete implements org.h2.api.Trigger {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static volatile int failAt;

    static void during(JdbcClient jdbc, int deletion, Runnable work) {
        COUNT.set(0);
        failAt = deletion;
        jdbc.sql("CREATE TRIGGER fail_household_delete BEFORE DELETE ON household FOR EACH ROW CALL \""
                + FailingDelete.class.getName() + "\"").update();
        try {
            work.run();
        }
        finally {
            jdbc.sql("DROP TRIGGER fail_household_delete").update();
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (COUNT.incrementAndGet() == failAt) {
            throw new SQLException("simulated failure mid-run");
        }
    }
}
