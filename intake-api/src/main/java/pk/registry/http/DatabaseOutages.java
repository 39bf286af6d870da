package pk.registry.http;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the database itself (unreachable, connection lost or refused, pool exhausted,
 * statement timed out) from a fault of the request or of the code. The first is answered 503 with
 * {@code Retry-After}: the request did nothing (its transaction rolled back) and may be sent again.
 */
public final class DatabaseOutages {

    /** SQLState class 08: connection exception (SQL:2011), e.g. Oracle's "IO Error", a refused connection. */
    private static final String CONNECTION_EXCEPTION = "08";

    private DatabaseOutages() {
    }

    /** Whether the exception, or any of its causes, says the database could not be used. */
    public static boolean causedBy(@Nullable Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isOutage(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable failure) {
        return failure instanceof DataAccessResourceFailureException // CannotGetJdbcConnectionException among them
                || failure instanceof TransientDataAccessResourceException
                || failure instanceof QueryTimeoutException
                || failure instanceof RecoverableDataAccessException
                || failure instanceof CannotCreateTransactionException
                || failure instanceof SQLTransientConnectionException // HikariCP: no connection within its timeout
                || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLRecoverableException
                || failure instanceof SQLTimeoutException
                || failure instanceof SQLException sql && sql.getSQLState() != null
                        && sql.getSQLState().startsWith(CONNECTION_EXCEPTION);
    }
}
