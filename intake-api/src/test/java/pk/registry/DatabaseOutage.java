package pk.registry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A switch in front of the service's real {@link DataSource} (test only; import it into a
 * whole-service test): it can refuse every new connection, as HikariCP does when the database
 * is gone, or lose the connection at one chosen statement of a request, after the statements
 * before it ran. What the database was asked since the last switch is recorded (SQL text only).
 */
@TestComponent
public class DatabaseOutage implements BeanPostProcessor {

    private volatile boolean refusing;
    private final AtomicReference<@Nullable Predicate<String>> failing = new AtomicReference<>();
    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource real && !(bean instanceof Switched) ? new Switched(real) : bean;
    }

    /** Every new connection is refused until {@link #end()}, as a pool whose database is unreachable. */
    public void refuseConnections() {
        statements.clear();
        refusing = true;
    }

    /** The first statement prepared from now on whose SQL matches loses its connection; once. */
    public void loseConnectionAt(Predicate<String> statement) {
        statements.clear();
        failing.set(statement);
    }

    /** The database is back. */
    public void end() {
        refusing = false;
        failing.set(null);
    }

    /** The SQL of the statements prepared since the last switch, in order, the failing one last. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    private final class Switched extends DelegatingDataSource {

        Switched(DataSource real) {
            super(real);
        }

        @Override
        public Connection getConnection() throws SQLException {
            refuseWhileDown();
            return watched(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            refuseWhileDown();
            return watched(super.getConnection(username, password));
        }

        private void refuseWhileDown() throws SQLTransientConnectionException {
            if (refusing) {
                throw new SQLTransientConnectionException(
                        "registry - Connection is not available, request timed out after 30000ms (test outage)", "08001");
            }
        }

        private Connection watched(Connection real) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, args) -> {
                        if (method.getName().equals("equals")) {
                            return proxy == args[0];
                        }
                        if (method.getName().equals("hashCode")) {
                            return System.identityHashCode(proxy);
                        }
                        if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                            statements.add(sql);
                            Predicate<String> armed = failing.get();
                            if (armed != null && armed.test(sql) && failing.compareAndSet(armed, null)) {
                                throw new SQLRecoverableException("IO Error: Connection reset (test outage)", "08006");
                            }
                        }
                        try {
                            return method.invoke(real, args);
                        }
                        catch (InvocationTargetException ex) {
                            throw ex.getCause();
                        }
                    });
        }
    }
}
