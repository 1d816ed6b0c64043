-- People whose identity comes from the LDAP directory (issue 15, cn.juece.ldap). Their row in juece.person and their
-- Camunda user and memberships are written from the directory at each sign-in and by the scheduled sync; this row
-- says that they are the directory's (a built-in person of config/organisation.yaml or Camunda Admin has none, and
-- the directory is never asked about them) and which Camunda groups the directory gave them last, so that the sync
-- takes back exactly those when the directory does, and leaves alone what an administrator added in Camunda Admin.
CREATE TABLE directory_account (
    user_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    dn              VARCHAR(1000) NOT NULL,
    granted_groups  VARCHAR(2000) NOT NULL,
    synced_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
