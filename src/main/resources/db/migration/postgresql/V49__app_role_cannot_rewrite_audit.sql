-- Two roles on PostgreSQL (DECISIONS.md 26): the schema owner runs Flyway (spring.flyway.user), the application
-- connects as another role (spring.datasource.username, the placeholder app-role) that may read and write our
-- tables but only SELECT and INSERT audit entries: it cannot UPDATE or DELETE them (Art. 60-63). Tables and
-- sequences that later migrations add are granted by the default privileges below.
-- A single-role setup (the application's role is the owner) has nothing to grant: the block does nothing.
-- Switching to two roles after this migration ran: run these statements once as the owner (README).
DO $$
DECLARE
    app_role text := '${app-role}';
    our_schema text := '${flyway:defaultSchema}';
    history text := '${flyway:table}';
BEGIN
    IF app_role = '' OR app_role = current_user THEN
        RAISE NOTICE 'juece: the application connects as the schema owner %, no grants (single-role setup)', current_user;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', our_schema, app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', our_schema, app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', our_schema, app_role);
    -- the audit trail: read and append only
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.audit_entry FROM %I', our_schema, app_role);
    -- Flyway's history is the owner's
    EXECUTE format('REVOKE ALL ON %I.%I FROM %I', our_schema, history, app_role);
    -- tables and sequences the owner creates later (new migrations)
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', our_schema, app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', our_schema, app_role);
END $$;
