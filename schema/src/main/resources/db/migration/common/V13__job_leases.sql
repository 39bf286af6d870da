-- Leases of the registry's maintenance jobs (jobs module): the node that runs a job instance holds
-- its lease and renews it while it lives. A running execution whose lease ran out (or that never got
-- one) was interrupted: its node died (kill -9, power loss). Any node claims the lease with an atomic
-- update, marks the dead execution failed and restarts the instance after its last committed chunk.
-- Ids and node names only.
CREATE TABLE job_lease (
    job_instance_id  NUMBER(19)    NOT NULL PRIMARY KEY,
    job_name         VARCHAR(100)  NOT NULL,
    owner_node       VARCHAR(36)   NOT NULL,
    lease_until      TIMESTAMP     NOT NULL
);
CREATE INDEX job_lease_until_idx ON job_lease (lease_until);
CREATE INDEX job_lease_owner_idx ON job_lease (owner_node);
