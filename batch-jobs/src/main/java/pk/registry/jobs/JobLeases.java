package pk.registry.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The leases of job instances ({@code job_lease}): instance ids, job names, node ids and times only. */
@Repository
class JobLeases {

    private final JdbcClient jdbc;

    JobLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes or renews the instance's lease for the node, whoever held it. */
    void hold(long instance, String jobName, String node, Instant until) {
        if (moveTo(instance, node, until) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO job_lease (job_instance_id, job_name, owner_node, lease_until)
                        VALUES (:instance, :job, :node, :until)""")
                        .param("instance", instance).param("job", jobName).param("node", node)
                        .param("until", Timestamp.from(until)).update();
            }
            catch (DuplicateKeyException inserted) {
                moveTo(instance, node, until);
            }
        }
    }

    /** Gives up the node's lease of the instance (another node's lease stays). */
    void release(long instance, String node) {
        jdbc.sql("DELETE FROM job_lease WHERE job_instance_id = :instance AND owner_node = :node")
                .param("instance", instance).param("node", node).update();
    }

    void renew(String node, Instant until) {
        jdbc.sql("UPDATE job_lease SET lease_until = :until WHERE owner_node = :node")
                .param("until", Timestamp.from(until)).param("node", node).update();
    }

    /** Instances whose lease ran out. */
    List<Long> expired(Instant now) {
        return jdbc.sql("SELECT job_instance_id FROM job_lease WHERE lease_until < :now ORDER BY job_instance_id")
                .param("now", Timestamp.from(now)).query(Long.class).list();
    }

    /**
     * Takes over the instance's lease if it ran out, or takes one if it has none, atomically:
     * of several nodes trying, exactly one wins.
     */
    boolean claim(long instance, String jobName, String node, Instant now, Instant until) {
        int moved = jdbc.sql("""
                UPDATE job_lease SET owner_node = :node, lease_until = :until
                WHERE job_instance_id = :instance AND lease_until < :now""")
                .param("node", node).param("until", Timestamp.from(until)).param("instance", instance)
                .param("now", Timestamp.from(now)).update();
        if (moved == 1) {
            return true;
        }
        try {
            return jdbc.sql("""
                    INSERT INTO job_lease (job_instance_id, job_name, owner_node, lease_until)
                    SELECT :instance, :job, :node, :until FROM DUAL
                    WHERE NOT EXISTS (SELECT 1 FROM job_lease WHERE job_instance_id = :instance)""")
                    .param("instance", instance).param("job", jobName).param("node", node)
                    .param("until", Timestamp.from(until)).update() == 1;
        }
        catch (DuplicateKeyException anotherNodeWon) {
            return false;
        }
    }

    private int moveTo(long instance, String node, Instant until) {
        return jdbc.sql("UPDATE job_lease SET owner_node = :node, lease_until = :until WHERE job_instance_id = :instance")
                .param("node", node).param("until", Timestamp.from(until)).param("instance", instance).update();
    }
}
