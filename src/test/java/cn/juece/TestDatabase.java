package cn.juece;

import java.util.Locale;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Which database the integration suite runs on: H2 in memory by default ({@code ./mvnw test}), PostgreSQL with
 * {@code -Djuece.test.db=postgres} or {@code JUECE_TEST_DB=postgres} (the {@code postgres} Maven profile sets it).
 * On PostgreSQL the context gets the {@code postgres} profile (config/application-postgres.yaml) and {@code pgtest}
 * (src/test/resources/application-pgtest.yaml: the test database, the owner running Flyway, the application's role).
 */
public final class TestDatabase implements ActiveProfilesResolver {

    public static boolean postgres() {
        String v = System.getProperty("juece.test.db", System.getenv().getOrDefault("JUECE_TEST_DB", "h2"));
        return "postgres".equals(v.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres() ? new String[] {"postgres", "pgtest"} : new String[0];
    }
}
